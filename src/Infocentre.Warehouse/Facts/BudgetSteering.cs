namespace Infocentre.Warehouse.Facts;

/// <summary>
/// A movement on the credits of a budget line (UO × action × catégorie): LFI, report, LFR, décret d'avance,
/// virement, transfert, fonds de concours, fongibilité, mise en réserve, surgel, dégel or mise à disposition.
/// AE and CP are signed. Per budget line, the ouverture movements add up to <see cref="Credit.AeOuverts"/> and
/// the mises à disposition to <see cref="Credit.AeMisADisposition"/> (same for CP).
/// </summary>
public sealed class CreditMovement
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string DomaineFonctionnelCode { get; set; }
    public required string CategorieCode { get; set; }
    /// <summary>LFI, REP, LFR_O, LFR_A, DA, VIR, TRF, FDC, ADP, FONG, RES, SURG, DEG or MAD.</summary>
    public required string TypeMouvementCode { get; set; }
    /// <summary>The other programme of a virement, transfert or fongibilité; null otherwise.</summary>
    public string? ProgrammeContrepartieCode { get; set; }
    /// <summary>Fonds de concours or attribution de produits the credits come from; null otherwise.</summary>
    public string? FondsCode { get; set; }
    public required string ActeNumero { get; set; }
    public DateOnly DateMouvement { get; set; }
    public decimal Ae { get; set; }
    public decimal Cp { get; set; }
}

/// <summary>The programmation of a UO on an activité (référentiel de programmation) for one exercice, in AE and CP.</summary>
public sealed class CreditProgramming
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string DomaineFonctionnelCode { get; set; }
    public required string ActiviteCode { get; set; }
    public required string CategorieCode { get; set; }
    public decimal AeProgrammees { get; set; }
    public decimal CpProgrammees { get; set; }
}

/// <summary>
/// Emplois and payroll (titre 2) of a UO for one month and catégorie d'emploi: the ETPT ceiling and the ETPT
/// consumed (both in twelfths, so that a year adds up to ETPT), the headcount at the end of the month, and
/// the T2 CP paid by LOLF catégorie (21 rémunérations, 22 cotisations of which CAS pensions, 23 prestations).
/// </summary>
public sealed class Employment
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    /// <summary>A+, A, B or C.</summary>
    public required string CategorieEmploi { get; set; }
    public decimal PlafondEtpt { get; set; }
    public decimal EtptConsommes { get; set; }
    public decimal EffectifFinMois { get; set; }
    public decimal Remunerations { get; set; }
    public decimal Cotisations { get; set; }
    public decimal CasPensions { get; set; }
    public decimal PrestationsSociales { get; set; }
}

/// <summary>
/// CP schedule of an EJ still open at the end of an exercice: what remains to pay, by year of échéance
/// (exercice + 1 to exercice + 4).
/// </summary>
public sealed class PaymentSchedule
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string EjNumero { get; set; }
    public required string TypeEjCode { get; set; }
    public required string TiersCode { get; set; }
    public DateOnly DateCreationEj { get; set; }
    /// <summary>Last commitment, service-fait or payment movement on the EJ up to 31 December of the exercice.</summary>
    public DateOnly DateDerniereOperation { get; set; }
    public int AnneeEcheance { get; set; }
    public decimal CpPrevus { get; set; }
}

/// <summary>
/// A tranche fonctionnelle (multi-year operation) at the end of an exercice: AE affectées to it, AE engaged on
/// it by EJ, CP paid on those EJ. AE affectées non engagées = affectées − engagées.
/// </summary>
public sealed class FunctionalTranche
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string DomaineFonctionnelCode { get; set; }
    public required string TrancheNumero { get; set; }
    public required string Libelle { get; set; }
    /// <summary>Immobilier, Informatique or Équipement.</summary>
    public required string Nature { get; set; }
    public required string LocalisationCode { get; set; }
    public DateOnly DateAffectation { get; set; }
    public decimal AeAffectees { get; set; }
    public decimal AeEngagees { get; set; }
    public decimal CpPayes { get; set; }
}

/// <summary>An act submitted to the contrôleur budgétaire (CBR): EJ above the threshold or programmation document.</summary>
public sealed class BudgetControlAct
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string ActeNumero { get; set; }
    /// <summary>EJ (engagement above the threshold) or DPG (document prévisionnel de gestion).</summary>
    public required string TypeActe { get; set; }
    public string? EjNumero { get; set; }
    /// <summary>VISE, REFUSE, RETOURNE or ATTENTE (not yet examined on 31 December).</summary>
    public required string StatutVisa { get; set; }
    public DateOnly DateTransmission { get; set; }
    public DateOnly? DateVisa { get; set; }
    public decimal Montant { get; set; }
}

/// <summary>A demande d'achat (DA): created by a prescriber, replicated into an EJ once processed by the purchasing service.</summary>
public sealed class PurchaseRequest
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string CentreCoutsCode { get; set; }
    public required string SocieteCode { get; set; }
    public required string DaNumero { get; set; }
    public DateOnly DateCreation { get; set; }
    /// <summary>Replication into Chorus as an EJ; null while the DA is not processed.</summary>
    public DateOnly? DateReplication { get; set; }
    public string? EjNumero { get; set; }
    /// <summary>Traitée, Partiellement traitée or En attente.</summary>
    public required string Statut { get; set; }
    public int NombrePostes { get; set; }
    public decimal Montant { get; set; }
    /// <summary>Sum of the processed (replicated) postes of the DA.</summary>
    public decimal MontantPostesTraites { get; set; }
}
