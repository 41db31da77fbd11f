using Infocentre.Access;
using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.ReportingViews;

namespace Infocentre.Reports.Definitions;

/// <summary>
/// What a report may be built on: the flat reporting views (facts with their dimension attributes) and the main
/// dimensions. The same names are the OData entity sets offered for self-service analysis.
/// </summary>
public static class ReportSources
{
    public static readonly IReadOnlyDictionary<string, SourceInfo> All = new Dictionary<string, SourceInfo>(StringComparer.Ordinal)
    {
        ["Credits"] = new(typeof(CreditView), "Crédits budgétaires (LFI, ouverts, mis à disposition) par UO, action et catégorie", "budget", nameof(CreditView.MinistereCode)),
        ["ExecutionBudgetaire"] = new(typeof(BudgetExecutionView), "Lignes d'EJ, de service fait et de DP avec les montants de pilotage (INF-BUD-53)", "budget", nameof(BudgetExecutionView.MinistereCode)),
        ["Engagements"] = new(typeof(EngagementView), "Mouvements sur postes d'engagements juridiques", "depenses", nameof(EngagementView.MinistereCode)),
        ["DemandesPaiement"] = new(typeof(PaymentView), "Postes de demandes de paiement", "depenses", nameof(PaymentView.MinistereCode)),
        ["EcrituresComptables"] = new(typeof(LedgerView), "Lignes d'écritures de comptabilité générale", "comptabilite-generale", nameof(LedgerView.MinistereCode)),
        ["RecettesNonFiscales"] = new(typeof(RevenueView), "Titres de perception et encaissements", "recettes-non-fiscales", nameof(RevenueView.MinistereCode)),
        ["VersementsSubventions"] = new(typeof(SubsidyPaymentView), "Paiements aux bénéficiaires de subventions (branches acceptées par Data.Subvention)", "subventions", nameof(SubsidyPaymentView.MinistereCode)),
        ["MouvementsCredits"] = new(typeof(CreditMovementView), "Mouvements de crédits (LFI, reports, LFR, virements, transferts, fonds de concours, réserve, mises à disposition) en AE et CP", "budget", nameof(CreditMovementView.MinistereCode)),
        ["SituationCredits"] = new(typeof(CreditSituationView), "Crédits (LFI, ouverts, réserve, mis à disposition), programmation et consommation AE/CP d'une ligne budgétaire en un seul ensemble", "budget", nameof(CreditSituationView.MinistereCode)),
        ["Emplois"] = new(typeof(EmploymentView), "Plafond d'emplois, ETPT consommés, effectifs et dépenses de personnel (titre 2) par UO, mois et catégorie d'emploi", "budget", nameof(EmploymentView.MinistereCode)),
        ["EcheanciersCp"] = new(typeof(PaymentScheduleView), "Échéancier des CP restant à payer sur les EJ ouverts en fin d'exercice", "budget", nameof(PaymentScheduleView.MinistereCode)),
        ["TranchesFonctionnelles"] = new(typeof(FunctionalTrancheView), "Tranches fonctionnelles : AE affectées, engagées et CP payés", "budget", nameof(FunctionalTrancheView.MinistereCode)),
        ["ActesControleBudgetaire"] = new(typeof(BudgetControlActView), "Actes soumis au visa du contrôleur budgétaire, statut et délai de visa", "budget", nameof(BudgetControlActView.MinistereCode)),
        ["DemandesAchat"] = new(typeof(PurchaseRequestView), "Demandes d'achat, réplication en EJ et délai de traitement", "budget", nameof(PurchaseRequestView.MinistereCode)),
        ["ExecutionAnalytique"] = new(typeof(AnalyticalExecutionView), "Lignes d'exécution budgétaire avec axes ministériels, projet analytique et CPER de l'activité", "budget", nameof(AnalyticalExecutionView.MinistereCode)),
        ["RapprochementsBudgetCompta"] = new(typeof(BudgetAccrualView), "CP payés (DP) et charges de classe 6 (comptabilité générale) par programme et compte", "comptabilite-generale", nameof(BudgetAccrualView.MinistereCode)),
        ["AnomaliesComptables"] = new(typeof(AccountingAnomalyView), "Lignes d'écritures en anomalie (pièce déséquilibrée, compte d'attente non apuré, créance ancienne…)", "comptabilite-generale", nameof(AccountingAnomalyView.MinistereCode)),
        ["EngagementsHorsBilan"] = new(typeof(OffBalanceView), "Engagements hors bilan de l'État (garanties, restes à payer, passifs éventuels)", "comptabilite-generale", nameof(OffBalanceView.MinistereCode)),
        ["CoutsComplets"] = new(typeof(FullCostView), "Coûts directs et déversés par programme, action et centre de coûts", "comptabilite-generale", nameof(FullCostView.MinistereCode)),
        ["Ministeres"] = new(typeof(Ministere), "Référentiel des ministères", null, null),
        ["Missions"] = new(typeof(Mission), "Référentiel des missions", null, null),
        ["Programmes"] = new(typeof(Programme), "Référentiel des programmes", null, null),
        ["DomainesFonctionnels"] = new(typeof(DomaineFonctionnel), "Référentiel des domaines fonctionnels (actions, sous-actions)", null, null),
        ["CentresFinanciers"] = new(typeof(CentreFinancier), "Référentiel des centres financiers", null, null),
        ["Activites"] = new(typeof(Activite), "Référentiel de programmation (activités)", null, null),
        ["ComptesGeneraux"] = new(typeof(CompteGeneral), "Plan comptable de l'État", null, null),
        ["Societes"] = new(typeof(Societe), "Sociétés (entités comptables)", null, null),
        ["ServicesFaits"] = new(typeof(ServiceFaitView), "Mouvements de service fait (certifications, annulations) avec le certifié non soldé et son ancienneté", "depenses", nameof(ServiceFaitView.MinistereCode)),
        ["OperationsPaiement"] = new(typeof(PaymentOperationView), "Avances, retenues de garantie, oppositions et cessions de créances sur les paiements", "depenses", nameof(PaymentOperationView.MinistereCode)),
        ["ChargesAPayer"] = new(typeof(AccrualView), "Charges à payer au 31 décembre : factures non parvenues et factures parvenues non payées", "depenses", nameof(AccrualView.MinistereCode)),
        ["ExecutionMarches"] = new(typeof(MarketExecutionView), "Engagé et payé par marché et accord-cadre, ligne d'EJ par ligne d'EJ", "depenses", nameof(MarketExecutionView.MinistereCode)),
        ["TitresPerception"] = new(typeof(TitrePerceptionView), "Titres de perception, un par ligne, avec leur situation à la date d'arrêté (statut, encaissé, reste à recouvrer, étape, ancienneté)", "recettes-non-fiscales", nameof(TitrePerceptionView.MinistereCode)),
        ["EncaissementsNonRapproches"] = new(typeof(UnmatchedReceiptView), "Encaissements en attente de rapprochement avec un titre à la date d'arrêté", "recettes-non-fiscales", nameof(UnmatchedReceiptView.MinistereCode)),
        ["PrevisionsRecettes"] = new(typeof(RevenueForecastView), "Prévisions LFI, recettes constatées et encaissées par ligne de recette budgétaire", "recettes-non-fiscales", nameof(RevenueForecastView.MinistereCode)),
        ["ProduitsARecevoir"] = new(typeof(AccruedRevenueView), "Produits à recevoir de l'inventaire au 31/12", "recettes-non-fiscales", nameof(AccruedRevenueView.MinistereCode)),
        ["SuiviSubventions"] = new(typeof(SubsidyFollowUpView), "Demandes de subvention, échéanciers des conventions et versements sur EJ de subvention, rapprochés par EJ", "subventions", nameof(SubsidyFollowUpView.MinistereCode)),
        ["ConstatsChargement"] = new(typeof(LoadFindingView), "Constats de qualité des données des chargements d'extractions (lignes rejetées, avertissements)", "budget", null, [Roles.Loader]),
        ["VersementsFondsEuropeens"] = new(typeof(EuropeanFundPaymentView), "Versements FSE+ et FEDER hors budget de l'État (extraction FEHBE)", "subventions", nameof(EuropeanFundPaymentView.MinistereCode)),
    };

    public static bool TryGet(string name, out SourceInfo source) => All.TryGetValue(name, out source!);
}

/// <param name="ClrType">The EF Core entity (view or dimension) type.</param>
/// <param name="Description">French description, published in $metadata.</param>
/// <param name="Domain">Domain whose freshness applies; null for referentials.</param>
/// <param name="PerimeterProperty">The ministère column of a fact view; null for public referentials and restricted sources.</param>
/// <param name="Roles">
/// For a source that is not ministry data (no perimeter column, not public): the roles of which a caller needs one
/// to read it or a report on it.
/// </param>
public sealed record SourceInfo(Type ClrType, string Description, string? Domain, string? PerimeterProperty, IReadOnlyList<string>? Roles = null);
