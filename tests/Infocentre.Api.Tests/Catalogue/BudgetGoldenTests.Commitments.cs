using Infocentre.Api.Tests.Reports.Support;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>Golden tests of the commitment follow-up reports: restes à payer, dormant EJ, tranches, budget control.</summary>
public sealed partial class BudgetGoldenTests
{
    private static Task<List<SqlRow>> ScheduleAsync(WarehouseOptions w, int exercice) => PlainSql.QueryAsync(w, """
        SELECT f.*, cf.bop_code, t.raison_sociale FROM fact_echeancier_cp f
        LEFT JOIN dim_centre_financier cf ON cf.code = f.centre_financier_code LEFT JOIN dim_tiers t ON t.code = f.tiers_code
        WHERE f.exercice = @e
        """, ("e", exercice));

    private static string Ageing(int exercice, DateOnly created) => (exercice - created.Year) switch
    {
        < 1 => "Moins d'un an",
        < 2 => "1 à 2 ans",
        < 4 => "2 à 4 ans",
        _ => "4 ans et plus",
    };

    // INF-BUD-17: restes à payer by ageing bucket of the EJ, with the share payable next year.
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Outstanding_commitments_by_age_equal_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_echeancier_cp");
        async Task<List<Row>> Expect(int exercice, string? programme) =>
            (await ScheduleAsync(w, exercice))
                .Where(r => programme is null || r.Text("programme_code") == programme)
                .GroupBy(r => (P: r.Text("programme_code")!, B: r.Text("bop_code") ?? Na, Cf: r.Text("centre_financier_code")!,
                    A: Ageing(exercice, Date(r, "date_creation_ej")!.Value)))
                .Select(g =>
                {
                    var total = g.Sum(r => r.Amount("cp_prevus"));
                    var next = g.Where(r => r.Long("annee_echeance") == exercice + 1).Sum(r => r.Amount("cp_prevus"));
                    return Expected.Make(("Programme", g.Key.P), ("Bop", g.Key.B), ("CentreFinancier", g.Key.Cf), ("Anciennete", g.Key.A),
                        ("RestesAPayer", total), ("NombreEj", g.Select(r => r.Text("ej_numero")).Distinct(StringComparer.Ordinal).Count()),
                        ("PayableN1", next), ("PartN1", Ratio(next, total)));
                })
                .ToList();

        await AssertReportAsync(app, "INF-BUD-17", "", await Expect(latest, null), "Programme", "Bop", "CentreFinancier", "Anciennete");
        await AssertReportAsync(app, "INF-BUD-17", $"&exercice={latest - 1}", await Expect(latest - 1, null), "Programme", "Bop", "CentreFinancier", "Anciennete");
    }

    // INF-BUD-21: open EJ without movement for at least N days at 31 December.
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Dormant_commitments_equal_plain_sql_with_days_since_last_movement(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_echeancier_cp");
        async Task<List<Row>> Expect(int exercice, int minimum) =>
            (await ScheduleAsync(w, exercice))
                .Select(r => (Row: r, Days: new DateOnly(exercice, 12, 31).DayNumber - Date(r, "date_derniere_operation")!.Value.DayNumber))
                .Where(x => x.Days >= minimum)
                .GroupBy(x => (Cf: x.Row.Text("centre_financier_code")!, Ej: x.Row.Text("ej_numero")!, T: x.Row.Text("tiers_code")!,
                    N: x.Row.Text("raison_sociale") ?? Na, D: Iso(Date(x.Row, "date_derniere_operation")!.Value)))
                .Select(g => Expected.Make(("CentreFinancier", g.Key.Cf), ("NumeroEj", g.Key.Ej), ("Fournisseur", g.Key.T), ("FournisseurNom", g.Key.N),
                    ("DateDerniereOperation", g.Key.D), ("RestesAPayer", g.Sum(x => x.Row.Amount("cp_prevus"))), ("JoursSansMouvement", g.Max(x => x.Days))))
                .ToList();

        var keys = new[] { "CentreFinancier", "NumeroEj", "Fournisseur", "FournisseurNom", "DateDerniereOperation" };
        var byDefault = await Expect(latest, 30);
        var all = await Expect(latest, 0);
        Assert.True(all.Count > byDefault.Count, "the default threshold should leave out some recently moved EJ");
        Rows.AssertSameSet(byDefault, await ActualAsync(app, "INF-BUD-21"), keys, $"INF-BUD-21 on {provider}");
        await AssertReportAsync(app, "INF-BUD-21", "&joursMinimum=0", all, keys);
    }

    // INF-BUD-19: AE affectées non engagées and engagement rate by tranche fonctionnelle.
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Uncommitted_earmarked_ae_equal_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_tranche_fonctionnelle");
        async Task<List<Row>> Expect(int exercice) =>
            (await PlainSql.QueryAsync(w, "SELECT * FROM fact_tranche_fonctionnelle WHERE exercice = @e", ("e", exercice)))
                .GroupBy(r => (P: r.Text("programme_code")!, T: r.Text("tranche_numero")!, L: r.Text("libelle")!, N: r.Text("nature")!))
                .Select(g =>
                {
                    var affected = g.Sum(r => r.Amount("ae_affectees"));
                    var engaged = g.Sum(r => r.Amount("ae_engagees"));
                    return Expected.Make(("Programme", g.Key.P), ("Tranche", g.Key.T), ("TrancheLibelle", g.Key.L), ("Nature", g.Key.N),
                        ("AeAffectees", affected), ("AeEngagees", engaged), ("Aene", affected - engaged), ("TauxEngagement", Ratio(engaged, affected)));
                })
                .ToList();

        await AssertReportAsync(app, "INF-BUD-19", "", await Expect(latest), "Programme", "Tranche");
        await AssertReportAsync(app, "INF-BUD-19", $"&exercice={latest - 1}", await Expect(latest - 1), "Programme", "Tranche");
    }

    // INF-BUD-34: acts under budget control, with the average visa lead time (to 31 December when pending).
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Budget_control_acts_equal_plain_sql_with_visa_lead_time(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_acte_controle_budgetaire");
        string TypeLabel(string t) => t == "EJ" ? "Engagement juridique soumis à visa" : "Document prévisionnel de gestion";
        string StatusLabel(string s) => s switch
        {
            "VISE" => "Visé", "REFUSE" => "Refus de visa", "RETOURNE" => "Retourné sans visa", _ => "En attente",
        };
        async Task<List<Row>> Expect(int exercice, string? programme) =>
            (await PlainSql.QueryAsync(w, "SELECT * FROM fact_acte_controle_budgetaire WHERE exercice = @e", ("e", exercice)))
                .Where(r => programme is null || r.Text("programme_code") == programme)
                .Select(r => (Row: r, Days: (Date(r, "date_visa") ?? new DateOnly(exercice, 12, 31)).DayNumber - Date(r, "date_transmission")!.Value.DayNumber))
                .GroupBy(x => (P: x.Row.Text("programme_code")!, T: x.Row.Text("type_acte")!, S: x.Row.Text("statut_visa")!))
                .Select(g => Expected.Make(("Programme", g.Key.P), ("TypeActe", g.Key.T), ("TypeActeLibelle", TypeLabel(g.Key.T)),
                    ("StatutVisa", g.Key.S), ("StatutVisaLibelle", StatusLabel(g.Key.S)),
                    ("NombreActes", g.Select(x => x.Row.Text("acte_numero")).Distinct(StringComparer.Ordinal).Count()),
                    ("Montant", g.Sum(x => x.Row.Amount("montant"))), ("DelaiMoyen", (decimal)g.Sum(x => x.Days) / g.Count()),
                    ("DelaiMaximum", g.Max(x => x.Days))))
                .ToList();

        await AssertReportAsync(app, "INF-BUD-34", "", await Expect(latest, null), "Programme", "TypeActe", "StatutVisa");
        await AssertReportAsync(app, "INF-BUD-34", $"&exercice={latest - 1}&programme=0176", await Expect(latest - 1, "0176"), "Programme", "TypeActe", "StatutVisa");
    }
}
