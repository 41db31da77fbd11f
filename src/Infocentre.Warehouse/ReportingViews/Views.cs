namespace Infocentre.Warehouse.ReportingViews;

/// <summary>v_credit: budget credits with their full imputation and LOLF catégorie/titre.</summary>
public sealed class CreditView : ImputationColumns
{
    public long Id { get; set; }
    public string CategorieCode { get; set; } = "";
    public string? CategorieLibelle { get; set; }
    public int? Titre { get; set; }
    public string? TitreLibelle { get; set; }
    public decimal AeLfi { get; set; }
    public decimal CpLfi { get; set; }
    public decimal AeOuverts { get; set; }
    public decimal CpOuverts { get; set; }
    public decimal AeMisADisposition { get; set; }
    public decimal CpMisADisposition { get; set; }
}

/// <summary>
/// v_execution_budgetaire: EJ, service-fait and DP lines in one flat set with the INF-BUD-53 key figures
/// (montant engagé, bascule, certifié non soldé, pré-enregistré, facturé, payé). Key: (Source, Id).
/// </summary>
public sealed class BudgetExecutionView : SpendingColumns
{
    /// <summary>EJ, SF or DP: which fact the line comes from.</summary>
    public string Source { get; set; } = "";
    public DateOnly DateComptable { get; set; }
    public string? CentreCoutsCode { get; set; }
    public string? CompteBudgetaireCode { get; set; }
    public string? CompteBudgetaireLibelle { get; set; }
    public string? CompteGeneralCode { get; set; }
    public string? GroupeMarchandisesCode { get; set; }
    public string? LocalisationCode { get; set; }
    public string? DpNumero { get; set; }
    public string? SfNumero { get; set; }
    public decimal MontantEngage { get; set; }
    public decimal MontantBascule { get; set; }
    public decimal MontantCertifieNonSolde { get; set; }
    public decimal MontantPreEnregistre { get; set; }
    public decimal MontantFacture { get; set; }
    public decimal MontantPaye { get; set; }
}

/// <summary>v_engagement: EJ line movements with type d'EJ, type de montant, tiers and accounting imputation.</summary>
public sealed class EngagementView : SpendingColumns
{
    public string TypeMontantCode { get; set; } = "";
    public string? TypeMontantLibelle { get; set; }
    public DateOnly DateComptable { get; set; }
    public DateOnly DateCreationEj { get; set; }
    public string CentreCoutsCode { get; set; } = "";
    public string CompteBudgetaireCode { get; set; } = "";
    public string? CompteBudgetaireLibelle { get; set; }
    public string? CategorieCode { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public string? GroupeMarchandisesCode { get; set; }
    public string? GroupeMarchandisesLibelle { get; set; }
    public string LocalisationCode { get; set; } = "";
    public string? LocalisationLibelle { get; set; }
    public decimal MontantEngage { get; set; }
    public decimal MontantBascule { get; set; }
}

/// <summary>v_demande_paiement: DP lines with statut, nature, dates, délai global de paiement and tiers.</summary>
public sealed class PaymentView : SpendingColumns
{
    public string DpNumero { get; set; } = "";
    public int DpPoste { get; set; }
    public string TypePiece { get; set; } = "";
    public string NatureDpCode { get; set; } = "";
    public string? NatureDpLibelle { get; set; }
    public string Statut { get; set; } = "";
    public string CentreCoutsCode { get; set; } = "";
    public string CompteBudgetaireCode { get; set; } = "";
    public string? CategorieCode { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public string? GroupeMarchandisesCode { get; set; }
    public string LocalisationCode { get; set; } = "";
    public string? LocalisationLibelle { get; set; }
    public string ServiceExecutant { get; set; } = "";
    public string? TiersSiren { get; set; }
    public string? TiersRna { get; set; }
    public bool? BrancheEstSubventionnable { get; set; }
    public DateOnly DateBase { get; set; }
    public DateOnly DateDerniereOperation { get; set; }
    public DateOnly? DatePaiement { get; set; }
    public int? DelaiPaiementJours { get; set; }
    public decimal Montant { get; set; }
    public decimal MontantPaye { get; set; }
}

/// <summary>v_ecriture_comptable: general-ledger lines with the PCE account, its class and the société.</summary>
public sealed class LedgerView
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public string SocieteCode { get; set; } = "";
    public string? SocieteLibelle { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereSigle { get; set; }
    public string? ProgrammeCode { get; set; }
    public string? ProgrammeLibelle { get; set; }
    public string PieceNumero { get; set; } = "";
    public int Ligne { get; set; }
    public string Journal { get; set; } = "";
    public DateOnly DateComptable { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public string? Classe { get; set; }
    public string? TiersCode { get; set; }
    public string Libelle { get; set; } = "";
    public decimal Debit { get; set; }
    public decimal Credit { get; set; }
}

/// <summary>v_recette_non_fiscale: titres de perception (émis, annulés) and encaissements in one set. Key: (Source, Id).</summary>
public sealed class RevenueView : ImputationColumns
{
    public long Id { get; set; }
    /// <summary>TITRE or ENC.</summary>
    public string Source { get; set; } = "";
    public int Periode { get; set; }
    public string SocieteCode { get; set; } = "";
    public string TitreNumero { get; set; } = "";
    public string ClientCode { get; set; } = "";
    public string? ClientNom { get; set; }
    public string? ClientCategorie { get; set; }
    public string NatureRecetteCode { get; set; } = "";
    public string? NatureRecetteLibelle { get; set; }
    public DateOnly DateOperation { get; set; }
    public DateOnly? DateEcheance { get; set; }
    public string? ModeReglement { get; set; }
    public decimal MontantEmis { get; set; }
    public decimal MontantAnnule { get; set; }
    public decimal MontantEncaisse { get; set; }
}

/// <summary>v_versement_subvention: paid DP lines whose tiers belongs to a branch Data.Subvention accepts.</summary>
public sealed class SubsidyPaymentView : SpendingColumns
{
    public string DpNumero { get; set; } = "";
    public int DpPoste { get; set; }
    public string? TiersSiren { get; set; }
    public string? TiersRna { get; set; }
    public string? TiersCategorieJuridique { get; set; }
    public string? TiersCommune { get; set; }
    public string? TiersDepartement { get; set; }
    public string? TiersEtatAdministratif { get; set; }
    public string? SocieteRegion { get; set; }
    public DateOnly DateOperation { get; set; }
    public decimal MontantPaye { get; set; }
    public string? TiersNic { get; set; }
    /// <summary>SIRET, RIDET, TAHITI or "#": what identifies the beneficiary.</summary>
    public string? TiersIdentifiantType { get; set; }
    public string? TiersRidetTahiti { get; set; }
    public string? TiersQpvCode { get; set; }
    public string? TiersQpvLibelle { get; set; }
    /// <summary>Objet, source and numéro of the application granted on the EJ (null without one).</summary>
    public string? SubventionObjet { get; set; }
    public string? DemandeSource { get; set; }
    public string? DemandeNumero { get; set; }
}

/// <summary>v_one_row: exactly one row, so that a report without dimensions returns one row even on empty data.</summary>
public sealed class OneRow
{
    public int Id { get; set; }
}
