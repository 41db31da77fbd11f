namespace Infocentre.Warehouse.Facts;

/// <summary>
/// A receipt booked to the compte d'attente because it could not be matched to a titre, still waiting at the
/// date d'arrêté (encaissement non rapproché).
/// </summary>
public sealed class UnmatchedReceipt
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string SocieteCode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    /// <summary>Bank reference of the receipt ("VIR2024000123").</summary>
    public required string Reference { get; set; }
    public DateOnly DateEncaissement { get; set; }
    public required string ModeReglement { get; set; }
    /// <summary>Référence absente, Débiteur inconnu, Montant discordant, Titre déjà soldé.</summary>
    public required string Motif { get; set; }
    public decimal Montant { get; set; }
    public DateOnly DateArrete { get; set; }
}

/// <summary>Revenue forecast of the loi de finances initiale for one ligne de recette and programme.</summary>
public sealed class RevenueForecast
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string LigneRecetteCode { get; set; }
    public decimal MontantPrevisionLfi { get; set; }
}

/// <summary>
/// Produit à recevoir booked at the inventory of 31/12: revenue earned in the exercice (service rendered,
/// right established) whose titre is not yet issued, estimated by société, programme and nature.
/// </summary>
public sealed class AccruedRevenue
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public required string SocieteCode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string NatureRecetteCode { get; set; }
    public required string CompteGeneralCode { get; set; }
    public DateOnly DateInventaire { get; set; }
    public decimal Montant { get; set; }
}
