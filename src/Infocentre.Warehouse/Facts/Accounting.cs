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
    /// <summary>OUV (balance d'entrée, journal AN), GES (opérations de gestion) or INV (fin de gestion, inventaire).</summary>
    public string TypeOperation { get; set; } = "GES";
    /// <summary>Débiteur of a titre de perception on a 41x line.</summary>
    public string? ClientCode { get; set; }
    /// <summary>Échéance of an open item on a 40x/41x line; date of entry on a 47x suspense line.</summary>
    public DateOnly? DateEcheance { get; set; }
    /// <summary>Lettrage code when the item is cleared by the 31 December of the line's exercice; null while open.</summary>
    public string? Lettrage { get; set; }
    public string? DomaineFonctionnelCode { get; set; }
    public string? CentreCoutsCode { get; set; }
}
