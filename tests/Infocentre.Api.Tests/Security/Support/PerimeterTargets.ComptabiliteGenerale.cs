namespace Infocentre.Api.Tests.Security.Support;

internal static partial class PerimeterTargets
{
    private const string Ledger = "SELECT f.debit AS v FROM fact_ecriture_comptable f WHERE ";
    private const string LedgerCredit = "SELECT f.credit AS v FROM fact_ecriture_comptable f WHERE ";
    private const string LedgerLine = "SELECT 1 AS v FROM fact_ecriture_comptable f WHERE ";
    private const string OpenItem = "f.date_echeance IS NOT NULL AND f.lettrage IS NULL";

    /// <summary>The ledger lines INF-CGE-24 reports (column v = <paramref name="value"/>), one per line and check, from the fact table alone.</summary>
    internal static string AnomalyRows(string value) => $"""
        SELECT f.v FROM (
            SELECT l.exercice, l.ministere_code, l.programme_code, {value} AS v FROM fact_ecriture_comptable l
            WHERE (l.exercice, l.societe_code, l.piece_numero) IN (
                SELECT g.exercice, g.societe_code, g.piece_numero FROM fact_ecriture_comptable g
                GROUP BY g.exercice, g.societe_code, g.piece_numero HAVING ROUND(SUM(g.debit) - SUM(g.credit), 2) <> 0)
            UNION ALL
            SELECT l.exercice, l.ministere_code, l.programme_code, {value} FROM fact_ecriture_comptable l
            WHERE l.compte_general_code LIKE '47%' AND l.date_echeance IS NOT NULL AND l.lettrage IS NULL
            UNION ALL
            SELECT l.exercice, l.ministere_code, l.programme_code, {value} FROM fact_ecriture_comptable l
            WHERE l.compte_general_code LIKE '41%' AND l.date_echeance IS NOT NULL AND l.lettrage IS NULL
              AND CAST(l.date_echeance AS TEXT) < CAST(l.exercice AS TEXT) || '-01-01'
            UNION ALL
            SELECT l.exercice, l.ministere_code, l.programme_code, {value} FROM fact_ecriture_comptable l
            WHERE substr(CAST(l.date_comptable AS TEXT), 1, 4) <> CAST(l.exercice AS TEXT)
            UNION ALL
            SELECT l.exercice, l.ministere_code, l.programme_code, {value} FROM fact_ecriture_comptable l
            WHERE (l.compte_general_code LIKE '401%' OR l.compte_general_code LIKE '411%') AND l.tiers_code IS NULL AND l.client_code IS NULL
        ) f WHERE 1 = 1
        """;

    /// <summary>reports/comptabilite-generale: one measure per report and the plain SQL of its total.</summary>
    private static readonly PerimeterTarget[] ComptabiliteGeneraleReports =
    [
        new("INF-CGE-01", "BalanceGenerale", "INF-CGE-01", "TotalDebit", "SELECT f.debit AS v FROM fact_ecriture_comptable f WHERE 1 = 1", [], null, null),
        new("INF-CGE-02", "BalanceParProgramme", "INF-CGE-02", "TotalDebit", Ledger + "1 = 1", [], "Ministere", "Programme"),
        new("INF-CGE-03", "GrandLivre", "INF-CGE-03", "TotalDebit", Ledger + "f.periode = 12", [], null, null),
        new("INF-CGE-04", "JournalDesEcritures", "INF-CGE-04", "NombreLignes", LedgerLine + "1 = 1", [], null, null),
        new("INF-CGE-05", "MouvementsDuCompte", "INF-CGE-05", "TotalDebit", Ledger + "f.compte_general_code = '4111100000'", [], null, null),
        new("INF-CGE-06", "BalanceAuxiliaireFournisseurs", "INF-CGE-06", "TotalCredit", LedgerCredit + "f.compte_general_code LIKE '40%' AND f.tiers_code IS NOT NULL", [], null, null),
        new("INF-CGE-07", "BalanceAuxiliaireClients", "INF-CGE-07", "TotalDebit", Ledger + "f.compte_general_code LIKE '41%' AND f.client_code IS NOT NULL", [], null, null),
        new("INF-CGE-08", "TiersNonSoldesParAnciennete", "INF-CGE-08", "NombreLignes", LedgerLine + "f.compte_general_code LIKE '4%' AND " + OpenItem, [], null, null),
        new("INF-CGE-09", "ChargesParNature", "INF-CGE-09", "DebitN", Ledger + "f.compte_general_code LIKE '6%'", [], "Ministere", "Programme"),
        new("INF-CGE-10", "ProduitsParNature", "INF-CGE-10", "TotalCredit", LedgerCredit + "f.compte_general_code LIKE '7%'", [], "Ministere", null),
        new("INF-CGE-11", "ChargesAPayerProduitsARecevoir", "INF-CGE-11", "ProduitsARecevoir", Ledger + "f.type_operation = 'INV' AND f.compte_general_code = '4181000000'", [], "Ministere", "Programme"),
        new("INF-CGE-12", "VariationImmobilisations", "INF-CGE-12", "MouvementsDebit", Ledger + "f.type_operation = 'GES' AND f.compte_general_code LIKE '2%' AND f.compte_general_code NOT LIKE '28%' AND f.compte_general_code NOT LIKE '29%'", [], null, null),
        new("INF-CGE-13", "AmortissementsDepreciations", "INF-CGE-13", "InventaireCredit", LedgerCredit + "f.type_operation = 'INV' AND (f.compte_general_code LIKE '28%' OR f.compte_general_code LIKE '29%')", [], "Ministere", null),
        new("INF-CGE-14", "ProvisionsRisquesCharges", "INF-CGE-14", "InventaireCredit", LedgerCredit + "f.type_operation = 'INV' AND f.compte_general_code LIKE '15%'", [], "Ministere", null),
        new("INF-CGE-15", "Stocks", "INF-CGE-15", "TotalDebit", Ledger + "f.compte_general_code LIKE '3%'", [], "Ministere", null),
        new("INF-CGE-16", "ComptesAttente", "INF-CGE-16", "TotalDebit", Ledger + "f.compte_general_code LIKE '47%'", [], "Ministere", null),
        new("INF-CGE-17", "RapprochementBudgetaireComptable", "INF-CGE-17", "CpPayes", "SELECT f.montant AS v FROM fact_demande_paiement f WHERE f.statut = 'PAY'", [], "Ministere", "Programme"),
        new("INF-CGE-18", "EcrituresInventaire", "INF-CGE-18", "TotalDebit", Ledger + "f.type_operation = 'INV'", [], null, null),
        new("INF-CGE-19", "BilanEtat", "INF-CGE-19", "TotalDebit", Ledger + "1 = 1", [], null, null),
        new("INF-CGE-20", "CompteResultat", "INF-CGE-20", "TotalDebit", Ledger + "(f.compte_general_code LIKE '6%' OR f.compte_general_code LIKE '7%')", [], null, null),
        new("INF-CGE-21", "SituationNette", "INF-CGE-21", "MouvementsDebit", Ledger + "f.type_operation = 'GES' AND (f.compte_general_code LIKE '6%' OR f.compte_general_code LIKE '7%' OR f.compte_general_code LIKE '10%' OR f.compte_general_code LIKE '11%' OR f.compte_general_code LIKE '12%')", [], null, null),
        new("INF-CGE-22", "ComptesFinanciers", "INF-CGE-22", "TotalDebit", Ledger + "f.compte_general_code LIKE '5%'", [], "Ministere", null),
        new("INF-CGE-23", "EngagementsHorsBilanParNature", "INF-CGE-23", "Cloture", "SELECT f.montant_cloture AS v FROM fact_engagement_hors_bilan f WHERE 1 = 1", [], "Ministere", null),
        new("INF-CGE-24", "QualiteComptable", "INF-CGE-24", "NombreLignes", AnomalyRows("1"), [], null, null),
        new("INF-CGE-25", "AnalyseDesCouts", "INF-CGE-25", "CoutDeverse", "SELECT f.cout_deverse AS v FROM fact_cout_complet f WHERE 1 = 1", [], "Ministere", "Programme"),
    ];
}
