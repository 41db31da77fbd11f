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
        ["Ministeres"] = new(typeof(Ministere), "Référentiel des ministères", null, null),
        ["Missions"] = new(typeof(Mission), "Référentiel des missions", null, null),
        ["Programmes"] = new(typeof(Programme), "Référentiel des programmes", null, null),
        ["DomainesFonctionnels"] = new(typeof(DomaineFonctionnel), "Référentiel des domaines fonctionnels (actions, sous-actions)", null, null),
        ["CentresFinanciers"] = new(typeof(CentreFinancier), "Référentiel des centres financiers", null, null),
        ["Activites"] = new(typeof(Activite), "Référentiel de programmation (activités)", null, null),
        ["ComptesGeneraux"] = new(typeof(CompteGeneral), "Plan comptable de l'État", null, null),
        ["Societes"] = new(typeof(Societe), "Sociétés (entités comptables)", null, null),
        ["SuiviSubventions"] = new(typeof(SubsidyFollowUpView), "Demandes de subvention, échéanciers des conventions et versements sur EJ de subvention, rapprochés par EJ", "subventions", nameof(SubsidyFollowUpView.MinistereCode)),
        ["VersementsFondsEuropeens"] = new(typeof(EuropeanFundPaymentView), "Versements FSE+ et FEDER hors budget de l'État (extraction FEHBE)", "subventions", nameof(EuropeanFundPaymentView.MinistereCode)),
    };

    public static bool TryGet(string name, out SourceInfo source) => All.TryGetValue(name, out source!);
}

/// <param name="ClrType">The EF Core entity (view or dimension) type.</param>
/// <param name="Description">French description, published in $metadata.</param>
/// <param name="Domain">Domain whose freshness applies; null for referentials.</param>
/// <param name="PerimeterProperty">The ministère column of a fact view; null for public referentials.</param>
public sealed record SourceInfo(Type ClrType, string Description, string? Domain, string? PerimeterProperty);
