namespace Infocentre.Warehouse.ReportingViews;

/// <summary>v_mouvement_credit: credit movements with their type, nature, LOLF catégorie/titre, counterpart programme and fonds.</summary>
public sealed class CreditMovementView : ImputationColumns
{
    public long Id { get; set; }
    public int Periode { get; set; }
    public string CategorieCode { get; set; } = "";
    public string? CategorieLibelle { get; set; }
    public int? Titre { get; set; }
    public string? TitreLibelle { get; set; }
    public string TypeMouvementCode { get; set; } = "";
    public string? TypeMouvementLibelle { get; set; }
    /// <summary>OUVERTURE, RESERVE or MAD.</summary>
    public string? NatureMouvement { get; set; }
    public string? ProgrammeContrepartieCode { get; set; }
    public string? ProgrammeContrepartieLibelle { get; set; }
    public string? FondsCode { get; set; }
    public string? FondsLibelle { get; set; }
    public string? FondsNature { get; set; }
    public string? FondsEuropeen { get; set; }
    public decimal? TauxCofinancement { get; set; }
    public string ActeNumero { get; set; } = "";
    public DateOnly DateMouvement { get; set; }
    public decimal Ae { get; set; }
    public decimal Cp { get; set; }
}

/// <summary>
/// v_situation_credits: credit movements, programmation and execution (EJ, SF, DP) of a budget line in one set,
/// each amount in its own column, so that one report sets credits against consumption. Key: (Source, Id).
/// Consumption follows INF-BUD-53: AE = engagé − bascule, CP = certifié non soldé + pré-enregistré + facturé + payé.
/// </summary>
public sealed class CreditSituationView : ImputationColumns
{
    /// <summary>MVT, PROG, EJ, SF or DP.</summary>
    public string Source { get; set; } = "";
    public long Id { get; set; }
    public int Periode { get; set; }
    public string? CategorieCode { get; set; }
    public string? CategorieLibelle { get; set; }
    public int? Titre { get; set; }
    public string? TitreLibelle { get; set; }
    public string? ActiviteCode { get; set; }
    public string? ActiviteLibelle { get; set; }
    public decimal AeLfi { get; set; }
    public decimal CpLfi { get; set; }
    public decimal AeReports { get; set; }
    public decimal CpReports { get; set; }
    public decimal AeAutresMouvements { get; set; }
    public decimal CpAutresMouvements { get; set; }
    public decimal AeOuverts { get; set; }
    public decimal CpOuverts { get; set; }
    /// <summary>Mise en réserve, surgel (negative) and dégel (positive).</summary>
    public decimal AeMouvementsReserve { get; set; }
    public decimal CpMouvementsReserve { get; set; }
    public decimal AeMisADisposition { get; set; }
    public decimal CpMisADisposition { get; set; }
    public decimal AeProgrammees { get; set; }
    public decimal CpProgrammees { get; set; }
    public decimal MontantEngage { get; set; }
    public decimal MontantBascule { get; set; }
    public decimal CpConsommes { get; set; }
}

/// <summary>v_emploi: monthly ETPT (ceiling, consumed), headcount and titre 2 payroll by UO and catégorie d'emploi.</summary>
public sealed class EmploymentView : ImputationColumns
{
    public long Id { get; set; }
    public int Periode { get; set; }
    public string CategorieEmploi { get; set; } = "";
    public string? CategorieEmploiLibelle { get; set; }
    public decimal PlafondEtpt { get; set; }
    public decimal EtptConsommes { get; set; }
    public decimal EffectifFinMois { get; set; }
    public decimal Remunerations { get; set; }
    public decimal Cotisations { get; set; }
    public decimal CasPensions { get; set; }
    public decimal PrestationsSociales { get; set; }
}

/// <summary>v_echeancier_cp: CP still to pay on open EJ at the end of an exercice, by year of échéance (N+1 ... N+4).</summary>
public sealed class PaymentScheduleView : ImputationColumns
{
    public long Id { get; set; }
    public string EjNumero { get; set; } = "";
    public string TypeEjCode { get; set; } = "";
    public string? TypeEjLibelle { get; set; }
    public string TiersCode { get; set; } = "";
    public string? TiersRaisonSociale { get; set; }
    public DateOnly DateCreationEj { get; set; }
    public int AnneeEngagement { get; set; }
    /// <summary>Age of the EJ at the end of the exercice: "Moins d'un an", "1 à 2 ans", "2 à 4 ans", "4 ans et plus".</summary>
    public string TrancheAnciennete { get; set; } = "";
    public DateOnly DateDerniereOperation { get; set; }
    /// <summary>Days from the last movement on the EJ to 31 December of the exercice.</summary>
    public int JoursSansMouvement { get; set; }
    public int AnneeEcheance { get; set; }
    /// <summary>Année d'échéance − exercice: 1 for N+1.</summary>
    public int RangEcheance { get; set; }
    public decimal CpPrevus { get; set; }
    public decimal CpPrevusN1 { get; set; }
    public decimal CpPrevusN2 { get; set; }
    public decimal CpPrevusN3 { get; set; }
    public decimal CpPrevusN4 { get; set; }
}

/// <summary>v_tranche_fonctionnelle: tranches fonctionnelles with AE affectées, engagées and CP paid, and their localisation.</summary>
public sealed class FunctionalTrancheView : ImputationColumns
{
    public long Id { get; set; }
    public string TrancheNumero { get; set; } = "";
    public string TrancheLibelle { get; set; } = "";
    public string Nature { get; set; } = "";
    public string LocalisationCode { get; set; } = "";
    public string? LocalisationLibelle { get; set; }
    public DateOnly DateAffectation { get; set; }
    public decimal AeAffectees { get; set; }
    public decimal AeEngagees { get; set; }
    public decimal CpPayes { get; set; }
}

/// <summary>v_acte_controle_budgetaire: acts submitted to the contrôleur budgétaire, with status and visa lead time.</summary>
public sealed class BudgetControlActView : ImputationColumns
{
    public long Id { get; set; }
    public int Periode { get; set; }
    public string ActeNumero { get; set; } = "";
    public string TypeActe { get; set; } = "";
    public string? TypeActeLibelle { get; set; }
    public string? EjNumero { get; set; }
    public string StatutVisa { get; set; } = "";
    public string? StatutVisaLibelle { get; set; }
    public DateOnly DateTransmission { get; set; }
    public DateOnly? DateVisa { get; set; }
    /// <summary>Days from transmission to visa (or to 31 December for an act still pending).</summary>
    public int? DelaiVisaJours { get; set; }
    public decimal Montant { get; set; }
}

/// <summary>v_demande_achat: demandes d'achat with their cost centre, replication into an EJ and processing lead time.</summary>
public sealed class PurchaseRequestView : ImputationColumns
{
    public long Id { get; set; }
    public int Periode { get; set; }
    public string CentreCoutsCode { get; set; } = "";
    public string? CentreCoutsLibelle { get; set; }
    public string SocieteCode { get; set; } = "";
    public string DaNumero { get; set; } = "";
    public DateOnly DateCreation { get; set; }
    public DateOnly? DateReplication { get; set; }
    /// <summary>Traitée (replicated into an EJ), Partiellement traitée or En attente.</summary>
    public string StatutDa { get; set; } = "";
    public string? EjNumero { get; set; }
    public int NombrePostes { get; set; }
    public decimal Montant { get; set; }
    public decimal MontantPostesTraites { get; set; }
    /// <summary>Days from creation to replication; for a DA still pending, to 31 December of its exercice.</summary>
    public int? DelaiTraitementJours { get; set; }
}

/// <summary>v_execution_analytique: the lines of v_execution_budgetaire with the analytical axes and CPER of their activité.</summary>
public sealed class AnalyticalExecutionView : SpendingColumns
{
    public string Source { get; set; } = "";
    public string? CompteBudgetaireCode { get; set; }
    public string? LocalisationCode { get; set; }
    public decimal MontantEngage { get; set; }
    public decimal MontantBascule { get; set; }
    public decimal MontantCertifieNonSolde { get; set; }
    public decimal MontantPreEnregistre { get; set; }
    public decimal MontantFacture { get; set; }
    public decimal MontantPaye { get; set; }
    public string? AxeMinisteriel1 { get; set; }
    public string? AxeMinisteriel2 { get; set; }
    public string? ProjetAnalytique { get; set; }
    public string? CperCode { get; set; }
    public string? CperAxe { get; set; }
}
