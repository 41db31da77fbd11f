using Infocentre.Api.Tests.Reports.Support;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>The subsidy facts read with plain SQL over the tables (no reporting view), for the golden tests.</summary>
internal static class SubsidyData
{
    public sealed record Payment(
        int Exercice, string Programme, string? Ej, string? TypeEj, string Dp, decimal Montant, string Tiers, string Societe,
        string? Siret, string? Siren, string? Nom, string? Rna, string Branche, string IdentifiantType, string? RidetTahiti);

    public sealed record Application(
        int Exercice, string Numero, string? Ej, string Tiers, string? Siret, string? Nom, string Activite, string? ActiviteLibelle,
        string Source, string Statut, string Objet, int Debut, int Fin, decimal Demande, decimal Accorde);

    public sealed record Installment(int Exercice, string Ej, decimal Prevu);

    public sealed record ExecutionLine(string Ej, string Programme, string? Siret, string? Nom, decimal Engage, decimal Bascule, decimal Paye);

    /// <summary>Paid DP lines to a tiers of a branch Data.Subvention accepts (dim_branche_tiers.est_subventionnable).</summary>
    public static async Task<List<Payment>> PaymentsAsync(WarehouseOptions w) =>
        (await PlainSql.QueryAsync(w, """
            SELECT f.exercice, f.programme_code, f.ej_numero, f.type_ej_code, f.dp_numero, f.montant, f.tiers_code, f.societe_code,
                   t.siret, t.siren, t.raison_sociale, t.rna, t.branche_code, t.identifiant_type, t.ridet_tahiti, br.est_subventionnable
            FROM fact_demande_paiement f
            JOIN dim_tiers t ON t.code = f.tiers_code
            JOIN dim_branche_tiers br ON br.code = t.branche_code
            WHERE f.statut = 'PAY'
            """))
        .Where(r => r.Bool("est_subventionnable"))
        .Select(r => new Payment(
            (int)r.Long("exercice")!.Value, r.Text("programme_code")!, r.Text("ej_numero"), r.Text("type_ej_code"), r.Text("dp_numero")!,
            r.Amount("montant"), r.Text("tiers_code")!, r.Text("societe_code")!, r.Text("siret"), r.Text("siren"), r.Text("raison_sociale"),
            r.Text("rna"), r.Text("branche_code")!, r.Text("identifiant_type")!, r.Text("ridet_tahiti")))
        .ToList();

    public static async Task<List<Application>> ApplicationsAsync(WarehouseOptions w) =>
        (await PlainSql.QueryAsync(w, """
            SELECT d.exercice, d.demande_numero, d.ej_numero, d.tiers_code, t.siret, t.raison_sociale, d.activite_code, a.libelle,
                   d.source_demande, d.statut, d.objet, d.annee_debut, d.annee_fin, d.montant_demande, d.montant_accorde
            FROM fact_demande_subvention d
            JOIN dim_tiers t ON t.code = d.tiers_code
            LEFT JOIN dim_activite a ON a.code = d.activite_code
            """))
        .Select(r => new Application(
            (int)r.Long("exercice")!.Value, r.Text("demande_numero")!, r.Text("ej_numero"), r.Text("tiers_code")!, r.Text("siret"),
            r.Text("raison_sociale"), r.Text("activite_code")!, r.Text("libelle"), r.Text("source_demande")!, r.Text("statut")!,
            r.Text("objet")!, (int)r.Long("annee_debut")!.Value, (int)r.Long("annee_fin")!.Value, r.Amount("montant_demande"),
            r.Amount("montant_accorde")))
        .ToList();

    public static async Task<List<Installment>> InstallmentsAsync(WarehouseOptions w) =>
        (await PlainSql.QueryAsync(w, "SELECT e.exercice, e.ej_numero, e.montant_prevu FROM fact_echeance_subvention e"))
        .Select(r => new Installment((int)r.Long("exercice")!.Value, r.Text("ej_numero")!, r.Amount("montant_prevu")))
        .ToList();

    /// <summary>
    /// The ZSUB lines of the exercice in the three spending facts: engagé and bascule from fact_engagement, payé from
    /// the paid DP; service-fait lines and unpaid DP lines carry zeros (they still make their EJ appear).
    /// </summary>
    public static async Task<List<ExecutionLine>> ExecutionLinesAsync(WarehouseOptions w, int exercice)
    {
        var lines = new List<ExecutionLine>();
        foreach (var (table, amounts) in new[]
        {
            ("fact_engagement", "f.montant_engage AS engage, f.montant_bascule AS bascule, NULL AS paye, NULL AS statut"),
            ("fact_service_fait", "NULL AS engage, NULL AS bascule, NULL AS paye, NULL AS statut"),
            ("fact_demande_paiement", "NULL AS engage, NULL AS bascule, f.montant AS paye, f.statut"),
        })
        {
            var rows = await PlainSql.QueryAsync(w, $"""
                SELECT f.ej_numero, f.programme_code, t.siret, t.raison_sociale, {amounts}
                FROM {table} f
                LEFT JOIN dim_tiers t ON t.code = f.tiers_code
                WHERE f.exercice = @exercice AND f.type_ej_code = 'ZSUB'
                """, ("exercice", exercice));
            lines.AddRange(rows.Select(r => new ExecutionLine(
                r.Text("ej_numero")!, r.Text("programme_code")!, r.Text("siret"), r.Text("raison_sociale"), r.Amount("engage"),
                r.Amount("bascule"), r.Text("statut") == "PAY" ? r.Amount("paye") : 0m)));
        }

        return lines;
    }
}
