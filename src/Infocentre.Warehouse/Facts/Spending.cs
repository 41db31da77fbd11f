namespace Infocentre.Warehouse.Facts;

/// <summary>
/// A movement on an EJ line (poste). <see cref="MontantEngage"/> includes the carry-over of EJ not settled
/// at the end of the previous exercice, which <see cref="MontantBascule"/> isolates (AE = engagé − bascule).
/// </summary>
public sealed class EngagementLine : Imputation
{
    public required string EjNumero { get; set; }
    public int EjPoste { get; set; }
    public required string TypeEjCode { get; set; }
    public required string TypeMontantCode { get; set; }
    public DateOnly DateComptable { get; set; }
    public DateOnly DateCreationEj { get; set; }
    public required string CentreCoutsCode { get; set; }
    public required string CompteBudgetaireCode { get; set; }
    public required string CompteGeneralCode { get; set; }
    public string? GroupeMarchandisesCode { get; set; }
    public required string LocalisationCode { get; set; }
    public required string TiersCode { get; set; }
    public decimal MontantEngage { get; set; }
    public decimal MontantBascule { get; set; }
}

/// <summary>
/// A service-fait movement on an EJ line: 101/105 certify, 102/106 cancel (stored with a negative amount).
/// <see cref="EstSolde"/> tells whether a DP with status facturé or payé has settled it (what
/// "certifié non soldé" excludes).
/// </summary>
public sealed class ServiceFaitLine : Imputation
{
    public required string SfNumero { get; set; }
    public required string EjNumero { get; set; }
    public int EjPoste { get; set; }
    public required string TypeEjCode { get; set; }
    public required string CodeMouvement { get; set; }
    public DateOnly DateComptable { get; set; }
    public required string TiersCode { get; set; }
    public decimal Montant { get; set; }
    public bool EstSolde { get; set; }
    /// <summary>Compte budgétaire (LOLF catégorie) of the EJ poste the SF certifies.</summary>
    public string? CompteBudgetaireCode { get; set; }
}

/// <summary>
/// A DP line (demande de paiement, poste). Key: exercice + société + DP + poste. <see cref="Statut"/> is
/// PRE (pré-enregistré complet), FAC (facturé) or PAY (payé). A DP "sans EJ" has no EJ number.
/// </summary>
public sealed class PaymentLine : Imputation
{
    public required string DpNumero { get; set; }
    public int DpPoste { get; set; }
    public string? EjNumero { get; set; }
    public int? EjPoste { get; set; }
    /// <summary>Type of the EJ paid ("ZSUB" for a subsidy); null for a DP without EJ.</summary>
    public string? TypeEjCode { get; set; }
    public required string TypePiece { get; set; }
    public required string NatureDpCode { get; set; }
    public required string Statut { get; set; }
    public required string CentreCoutsCode { get; set; }
    public required string CompteBudgetaireCode { get; set; }
    public required string CompteGeneralCode { get; set; }
    public string? GroupeMarchandisesCode { get; set; }
    public required string LocalisationCode { get; set; }
    public required string TiersCode { get; set; }
    public required string ServiceExecutant { get; set; }
    /// <summary>Date de base: reception of the invoice, start of the payment lead time.</summary>
    public DateOnly DateBase { get; set; }
    public DateOnly DateDerniereOperation { get; set; }
    public DateOnly? DatePaiement { get; set; }
    /// <summary>Délai global de paiement in days (date de base to payment), computed at load time.</summary>
    public int? DelaiPaiementJours { get; set; }
    public decimal Montant { get; set; }
    /// <summary>Interface flow the DP came in by: FLUX1 (saisie Chorus), FLUX2 (Chorus Pro), FLUX3 (application ministérielle), FLUX4 (carte achat).</summary>
    public string? TypeFlux { get; set; }
}
