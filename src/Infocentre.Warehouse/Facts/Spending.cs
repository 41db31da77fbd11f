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
    /// <summary>Marché (or accord-cadre) of an EJ of type ZM*; null for other EJ.</summary>
    public string? MarcheNumero { get; set; }
    /// <summary>Creation of the demande d'achat the EJ comes from; null for EJ without DA (subsidies, decisions).</summary>
    public DateOnly? DateDemandeAchat { get; set; }
    public int? DelaiDemandeAchatJours { get; set; }
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
    /// <summary>Days from the SF to 31 December of its exercice for a certification not settled; null otherwise.</summary>
    public int? AncienneteJours { get; set; }
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
    /// <summary>Marché the paid EJ belongs to (types ZM*); null otherwise.</summary>
    public string? MarcheNumero { get; set; }
    /// <summary>Mode de règlement: VIR, VIRI (international), PRL, CA (carte achat), REG (régie).</summary>
    public string ModeReglementCode { get; set; } = "VIR";
    /// <summary>Niveau of a purchasing card (N1 to N3) when <see cref="ModeReglementCode"/> is CA.</summary>
    public string? NiveauCarteAchat { get; set; }
    public string DeviseCode { get; set; } = "EUR";
    /// <summary>Amount in <see cref="DeviseCode"/> (equals <see cref="Montant"/> in EUR).</summary>
    public decimal MontantDevise { get; set; }
    /// <summary>Chorus flux: 1 without EJ, 2 SF after the invoice, 3 SF before it, 4 invoice worth EJ (ZEJ4).</summary>
    public int Flux { get; set; }
    /// <summary>Accounting workflow processed without manual validation.</summary>
    public bool EstAutomatise { get; set; }
    /// <summary>The comptable rejected the DP at least once (the status stays PRE, FAC or PAY).</summary>
    public bool EstRejete { get; set; }
    public string? MotifRejetCode { get; set; }
    /// <summary>Date the ordonnateur validated the DP and sent it to the comptable; null while pré-enregistrée.</summary>
    public DateOnly? DateMiseEnPaiement { get; set; }
    public int? DelaiOrdonnateurJours { get; set; }
    public int? DelaiComptableJours { get; set; }
    /// <summary>Intérêts moratoires due for a payment later than 30 days (commande publique only).</summary>
    public decimal InteretsMoratoires { get; set; }
    public string? ReferenceFacture { get; set; }
    /// <summary>A reference already paid to the same tiers on another DP.</summary>
    public bool EstDoublonSuspect { get; set; }
    /// <summary>How the invoice arrived: CPP (Chorus Pro), EDI or PAPIER; null for a DP without invoice.</summary>
    public string? CanalFacture { get; set; }
    public DateOnly? DateDepotFacture { get; set; }
    /// <summary>Service fait présumé: PRESUME, CONFIRME or CONTESTE; null when the DP is not under SFP.</summary>
    public string? StatutSfp { get; set; }
    /// <summary>Days from the date de base to 31 December of the exercice for a DP not paid; null once paid.</summary>
    public int? AncienneteJours { get; set; }
    /// <summary>Days from the deposit of the invoice to its payment; null without invoice or payment.</summary>
    public int? DelaiTraitementFactureJours { get; set; }
}
