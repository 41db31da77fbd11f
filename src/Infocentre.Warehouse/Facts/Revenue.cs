namespace Infocentre.Warehouse.Facts;

/// <summary>A titre de perception (ordre de recouvrer) issued to a client, with what was cancelled of it.</summary>
public sealed class RevenueOrder
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string SocieteCode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string TitreNumero { get; set; }
    public required string ClientCode { get; set; }
    public required string NatureRecetteCode { get; set; }
    public required string CompteGeneralCode { get; set; }
    public DateOnly DateEmission { get; set; }
    public DateOnly DateEcheance { get; set; }
    public decimal MontantEmis { get; set; }
    public decimal MontantAnnule { get; set; }
}

/// <summary>A collection (encaissement) against a titre de perception. Σ collected ≤ issued − cancelled per titre.</summary>
public sealed class RevenueReceipt
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string SocieteCode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string TitreNumero { get; set; }
    public required string ClientCode { get; set; }
    public required string NatureRecetteCode { get; set; }
    public DateOnly DateEncaissement { get; set; }
    /// <summary>Virement, Chèque, Carte, Numéraire, Compensation.</summary>
    public required string ModeReglement { get; set; }
    public decimal Montant { get; set; }
}
