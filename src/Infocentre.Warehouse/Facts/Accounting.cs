namespace Infocentre.Warehouse.Facts;

/// <summary>A line of a general-ledger pièce. Every pièce balances: Σ débit = Σ crédit.</summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string SocieteCode { get; set; }
    public required string MinistereCode { get; set; }
    public string? ProgrammeCode { get; set; }
    public required string PieceNumero { get; set; }
    public int Ligne { get; set; }
    /// <summary>Type de pièce / journal ("RE" payment, "SA" general entry, "KR" supplier invoice...).</summary>
    public required string Journal { get; set; }
    public DateOnly DateComptable { get; set; }
    public required string CompteGeneralCode { get; set; }
    public string? TiersCode { get; set; }
    public required string Libelle { get; set; }
    public decimal Debit { get; set; }
    public decimal Credit { get; set; }
}
