using Infocentre.Api.Tests.Reports.Support;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>Golden tests of the credit reports: movements, situation (credits against consumption), emplois.</summary>
public sealed partial class BudgetGoldenTests
{
    /// <summary>One amount-bearing line of a budget line: a credit movement or an execution line, with its imputation.</summary>
    private sealed record BudgetLine(
        string Source, string Programme, string? Bop, string? BopLibelle, string? ProgrammeLibelle, long? Titre, string? Categorie,
        string? CategorieLibelle, string? Nature, string? Type, decimal Ae, decimal Cp, decimal Engage, decimal Bascule, decimal CpConso);

    private static async Task<List<BudgetLine>> BudgetLinesAsync(WarehouseOptions w, int exercice)
    {
        const string Joins = """
            LEFT JOIN dim_programme p ON p.code = f.programme_code
            LEFT JOIN dim_centre_financier cf ON cf.code = f.centre_financier_code
            LEFT JOIN dim_bop b ON b.code = cf.bop_code
            """;
        const string Common = "f.programme_code, p.libelle AS pl, cf.bop_code, b.libelle AS bl, cat.titre, cat.code AS cc, cat.libelle AS cl";
        var lines = new List<BudgetLine>();
        BudgetLine Line(SqlRow r, string source, string? nature = null, string? type = null, decimal ae = 0, decimal cp = 0,
            decimal engage = 0, decimal bascule = 0, decimal conso = 0) =>
            new(source, r.Text("programme_code")!, r.Text("bop_code"), r.Text("bl"), r.Text("pl"), r.Long("titre"), r.Text("cc"), r.Text("cl"),
                nature, type, ae, cp, engage, bascule, conso);
        foreach (var r in await PlainSql.QueryAsync(w, $"""
            SELECT {Common}, t.nature, f.type_mouvement_code, f.ae, f.cp FROM fact_mouvement_credit f {Joins}
            JOIN dim_type_mouvement_credit t ON t.code = f.type_mouvement_code
            LEFT JOIN dim_categorie_lolf cat ON cat.code = f.categorie_code WHERE f.exercice = @e
            """, ("e", exercice)))
        {
            lines.Add(Line(r, "MVT", r.Text("nature"), r.Text("type_mouvement_code"), r.Amount("ae"), r.Amount("cp")));
        }

        foreach (var r in await PlainSql.QueryAsync(w, $"""
            SELECT {Common}, f.montant_engage, f.montant_bascule FROM fact_engagement f {Joins}
            LEFT JOIN dim_categorie_lolf cat ON cat.code = f.compte_budgetaire_code WHERE f.exercice = @e
            """, ("e", exercice)))
        {
            lines.Add(Line(r, "EJ", engage: r.Amount("montant_engage"), bascule: r.Amount("montant_bascule")));
        }

        foreach (var r in await PlainSql.QueryAsync(w, $"""
            SELECT {Common}, f.montant, f.est_solde FROM fact_service_fait f {Joins}
            LEFT JOIN dim_categorie_lolf cat ON cat.code = f.compte_budgetaire_code WHERE f.exercice = @e
            """, ("e", exercice)))
        {
            lines.Add(Line(r, "SF", conso: r.Bool("est_solde") ? 0m : r.Amount("montant")));
        }

        // Every DP status counts in CP: pré-enregistré, facturé and payé.
        foreach (var r in await PlainSql.QueryAsync(w, $"""
            SELECT {Common}, f.montant FROM fact_demande_paiement f {Joins}
            LEFT JOIN dim_categorie_lolf cat ON cat.code = f.compte_budgetaire_code WHERE f.exercice = @e
            """, ("e", exercice)))
        {
            lines.Add(Line(r, "DP", conso: r.Amount("montant")));
        }

        return lines;
    }

    // INF-BUD-02: credits made available, reserve, consumption and disponible by BOP and titre.
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Credit_situation_by_bop_equals_movements_and_execution_from_the_facts(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_engagement");
        async Task<List<Row>> Expect(int exercice, string? programme) =>
            (await BudgetLinesAsync(w, exercice))
                .Where(l => programme is null || l.Programme == programme)
                .GroupBy(l => (l.Programme, Bop: l.Bop ?? Na, Libelle: l.BopLibelle ?? Na, Titre: l.Titre ?? 0))
                .Select(g =>
                {
                    var aeMad = g.Where(l => l.Nature == "MAD").Sum(l => l.Ae);
                    var cpMad = g.Where(l => l.Nature == "MAD").Sum(l => l.Cp);
                    var ae = g.Sum(l => l.Engage) - g.Sum(l => l.Bascule);
                    var cp = g.Sum(l => l.CpConso);
                    return Expected.Make(("Programme", g.Key.Programme), ("Bop", g.Key.Bop), ("BopLibelle", g.Key.Libelle), ("Titre", g.Key.Titre),
                        ("AeMisADisposition", aeMad), ("CpMisADisposition", cpMad),
                        ("AeReserve", g.Where(l => l.Nature == "RESERVE").Sum(l => l.Ae)), ("CpReserve", g.Where(l => l.Nature == "RESERVE").Sum(l => l.Cp)),
                        ("MontantEngage", g.Sum(l => l.Engage)), ("Bascule", g.Sum(l => l.Bascule)), ("AeConsommees", ae), ("CpConsommes", cp),
                        ("DisponibleAe", aeMad - ae), ("DisponibleCp", cpMad - cp));
                })
                .ToList();

        await AssertReportAsync(app, "INF-BUD-02", "", await Expect(latest, null), "Programme", "Bop", "BopLibelle", "Titre");
        await AssertReportAsync(app, "INF-BUD-02", $"&exercice={latest - 1}&programme=0176", await Expect(latest - 1, "0176"), "Programme", "Bop", "BopLibelle", "Titre");
    }

    // INF-BUD-07: consumption against crédits ouverts by titre and catégorie, with consumption rates and share of CP.
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Consumption_by_titre_and_categorie_with_rates_equals_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_engagement");
        async Task<List<Row>> Expect(int exercice, string? programme) =>
            (await BudgetLinesAsync(w, exercice))
                .Where(l => programme is null || l.Programme == programme)
                .GroupBy(l => (l.Programme, Libelle: l.ProgrammeLibelle ?? Na, Titre: l.Titre ?? 0, Categorie: l.Categorie ?? Na, CategorieLibelle: l.CategorieLibelle ?? Na))
                .Select(g =>
                {
                    var aeOuverts = g.Where(l => l.Nature == "OUVERTURE").Sum(l => l.Ae);
                    var cpOuverts = g.Where(l => l.Nature == "OUVERTURE").Sum(l => l.Cp);
                    var ae = g.Sum(l => l.Engage) - g.Sum(l => l.Bascule);
                    var cp = g.Sum(l => l.CpConso);
                    return Expected.Make(("Programme", g.Key.Programme), ("ProgrammeLibelle", g.Key.Libelle), ("Titre", g.Key.Titre),
                        ("Categorie", g.Key.Categorie), ("CategorieLibelle", g.Key.CategorieLibelle), ("AeOuverts", aeOuverts), ("CpOuverts", cpOuverts),
                        ("MontantEngage", g.Sum(l => l.Engage)), ("Bascule", g.Sum(l => l.Bascule)), ("AeConsommees", ae), ("CpConsommes", cp),
                        ("TauxConsommationAe", Ratio(ae, aeOuverts)), ("TauxConsommationCp", Ratio(cp, cpOuverts)));
                })
                .ToList()
                .WithShare("PartCp", "CpConsommes");

        await AssertReportAsync(app, "INF-BUD-07", "", await Expect(latest, null), "Programme", "Titre", "Categorie");
        await AssertReportAsync(app, "INF-BUD-07", "&programme=0354", await Expect(latest, "0354"), "Programme", "Titre", "Categorie");
    }

    // INF-BUD-09: notifications (mises à disposition) by UO and date, with the number of acts.
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Notifications_equal_the_mad_movements(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_mouvement_credit");
        async Task<List<Row>> Expect(int exercice, string? bop) =>
            (await PlainSql.QueryAsync(w, """
                SELECT f.programme_code, cf.bop_code, f.centre_financier_code, f.date_mouvement, f.acte_numero, f.ae, f.cp
                FROM fact_mouvement_credit f LEFT JOIN dim_centre_financier cf ON cf.code = f.centre_financier_code
                WHERE f.exercice = @e AND f.type_mouvement_code = 'MAD'
                """, ("e", exercice)))
                .Where(r => bop is null || r.Text("bop_code") == bop)
                .GroupBy(r => (P: r.Text("programme_code")!, B: r.Text("bop_code") ?? Na, Cf: r.Text("centre_financier_code")!, D: Iso(Date(r, "date_mouvement")!.Value)))
                .Select(g => Expected.Make(("Programme", g.Key.P), ("Bop", g.Key.B), ("CentreFinancier", g.Key.Cf), ("DateNotification", g.Key.D),
                    ("Ae", g.Sum(r => r.Amount("ae"))), ("Cp", g.Sum(r => r.Amount("cp"))),
                    ("NombreActes", g.Select(r => r.Text("acte_numero")).Distinct(StringComparer.Ordinal).Count())))
                .ToList();

        await AssertReportAsync(app, "INF-BUD-09", "", await Expect(latest, null), "Programme", "Bop", "CentreFinancier", "DateNotification");
        await AssertReportAsync(app, "INF-BUD-09", $"&exercice={latest - 1}&bop=0176-DR53", await Expect(latest - 1, "0176-DR53"), "Programme", "Bop", "CentreFinancier", "DateNotification");
    }

    /// <summary>fact_emploi rows with the BOP of their UO.</summary>
    private static Task<List<SqlRow>> EmploymentAsync(WarehouseOptions w, int exercice) => PlainSql.QueryAsync(w, """
        SELECT f.*, cf.bop_code, b.libelle AS bop_libelle FROM fact_emploi f
        LEFT JOIN dim_centre_financier cf ON cf.code = f.centre_financier_code LEFT JOIN dim_bop b ON b.code = cf.bop_code
        WHERE f.exercice = @e
        """, ("e", exercice));

    // INF-BUD-14: titre 2 payroll by catégorie 21/22/23, with the total.
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Payroll_by_category_equals_plain_sql_with_its_total(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_emploi");
        async Task<List<Row>> Expect(int exercice, string? programme) =>
            (await EmploymentAsync(w, exercice))
                .Where(r => programme is null || r.Text("programme_code") == programme)
                .GroupBy(r => (P: r.Text("programme_code")!, B: r.Text("bop_code") ?? Na, L: r.Text("bop_libelle") ?? Na, M: r.Long("periode")!.Value))
                .Select(g =>
                {
                    decimal Sum(string c) => g.Sum(r => r.Amount(c));
                    return Expected.Make(("Programme", g.Key.P), ("Bop", g.Key.B), ("BopLibelle", g.Key.L), ("Periode", g.Key.M),
                        ("Remunerations", Sum("remunerations")), ("Cotisations", Sum("cotisations")), ("CasPensions", Sum("cas_pensions")),
                        ("PrestationsSociales", Sum("prestations_sociales")),
                        ("TotalT2", Sum("remunerations") + Sum("cotisations") + Sum("prestations_sociales")));
                })
                .ToList();

        await AssertReportAsync(app, "INF-BUD-14", "", await Expect(latest, null), "Programme", "Bop", "Periode");
        await AssertReportAsync(app, "INF-BUD-14", $"&exercice={latest - 1}&programme=0163", await Expect(latest - 1, "0163"), "Programme", "Bop", "Periode");
    }

    // INF-BUD-15: ETPT ceiling and consumption cumulated to a period, gap and rate.
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Etpt_ceiling_to_a_period_equals_plain_sql_with_gap_and_rate(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_emploi");
        async Task<List<Row>> Expect(int exercice, int periode) =>
            (await EmploymentAsync(w, exercice))
                .Where(r => r.Long("periode") <= periode)
                .GroupBy(r => (Mi: r.Text("ministere_code")!, P: r.Text("programme_code")!, B: r.Text("bop_code") ?? Na, L: r.Text("bop_libelle") ?? Na))
                .Select(g =>
                {
                    var plafond = g.Sum(r => r.Amount("plafond_etpt"));
                    var etpt = g.Sum(r => r.Amount("etpt_consommes"));
                    return Expected.Make(("Ministere", g.Key.Mi), ("Programme", g.Key.P), ("Bop", g.Key.B), ("BopLibelle", g.Key.L),
                        ("PlafondEtpt", plafond), ("EtptConsommes", etpt), ("Ecart", plafond - etpt), ("TauxConsommation", Ratio(etpt, plafond)));
                })
                .ToList();

        await AssertReportAsync(app, "INF-BUD-15", "", await Expect(latest, 12), "Ministere", "Programme", "Bop");
        await AssertReportAsync(app, "INF-BUD-15", "&periode=6", await Expect(latest, 6), "Ministere", "Programme", "Bop");
    }

    // INF-BUD-29: European funds with the eligible expenditure (CP / co-financing rate).
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task European_funds_equal_plain_sql_with_eligible_expenditure(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var all = await PlainSql.QueryAsync(w, """
            SELECT f.exercice, f.programme_code, d.fonds_europeen, f.fonds_code, d.libelle, d.taux_cofinancement, f.ae, f.cp
            FROM fact_mouvement_credit f JOIN dim_fonds d ON d.code = f.fonds_code WHERE d.fonds_europeen IS NOT NULL
            """);
        var latest = await LatestAsync(w, "fact_mouvement_credit");
        List<Row> Expect(int exercice) => all.Where(r => r.Long("exercice") == exercice)
            .GroupBy(r => (P: r.Text("programme_code")!, E: r.Text("fonds_europeen")!, F: r.Text("fonds_code")!, L: r.Text("libelle")!))
            .Select(g =>
            {
                var cp = g.Sum(r => r.Amount("cp"));
                var taux = g.Max(r => r.Amount("taux_cofinancement"));
                return Expected.Make(("Programme", g.Key.P), ("FondsEuropeen", g.Key.E), ("Fonds", g.Key.F), ("FondsLibelle", g.Key.L),
                    ("Ae", g.Sum(r => r.Amount("ae"))), ("Cp", cp), ("TauxCofinancement", taux), ("DepenseEligible", Ratio(cp * 100, taux)));
            })
            .ToList();

        // The tiny warehouse may hold European funds in one exercice only: test each exercice that has some.
        var tested = 0;
        foreach (var exercice in new[] { latest, latest - 1 })
        {
            var expected = Expect(exercice);
            var actual = await ActualAsync(app, "INF-BUD-29", $"&exercice={exercice}");
            Rows.AssertSameSet(expected, actual, ["Programme", "FondsEuropeen", "Fonds"], $"INF-BUD-29 {exercice} on {provider}");
            tested += expected.Count;
        }

        Assert.True(tested > 0, "the tiny warehouse has no European fund movement");
    }

    // INF-BUD-31: consumption of N against N-1, with the gap and the evolution rate.
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Year_on_year_comparison_equals_two_exercices_of_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_engagement");
        async Task<List<Row>> Expect(int exercice, string? programme)
        {
            var current = (await BudgetLinesAsync(w, exercice)).Where(l => l.Source != "MVT").Select(l => (Year: 0, Line: l));
            var previous = (await BudgetLinesAsync(w, exercice - 1)).Where(l => l.Source != "MVT").Select(l => (Year: 1, Line: l));
            return current.Concat(previous)
                .Where(x => programme is null || x.Line.Programme == programme)
                .GroupBy(x => (x.Line.Programme, Libelle: x.Line.ProgrammeLibelle ?? Na, Titre: x.Line.Titre ?? 0))
                .Select(g =>
                {
                    decimal Sum(int year, Func<BudgetLine, decimal> amount) => g.Where(x => x.Year == year).Sum(x => amount(x.Line));
                    var aeN = Sum(0, l => l.Engage) - Sum(0, l => l.Bascule);
                    var aeN1 = Sum(1, l => l.Engage) - Sum(1, l => l.Bascule);
                    var cpN = Sum(0, l => l.CpConso);
                    var cpN1 = Sum(1, l => l.CpConso);
                    return Expected.Make(("Programme", g.Key.Programme), ("ProgrammeLibelle", g.Key.Libelle), ("Titre", g.Key.Titre),
                        ("EngageN", Sum(0, l => l.Engage)), ("BasculeN", Sum(0, l => l.Bascule)), ("AeN", aeN),
                        ("EngageN1", Sum(1, l => l.Engage)), ("BasculeN1", Sum(1, l => l.Bascule)), ("AeN1", aeN1),
                        ("EcartAe", aeN - aeN1), ("EvolutionAe", Ratio(aeN - aeN1, aeN1)),
                        ("CpN", cpN), ("CpN1", cpN1), ("EcartCp", cpN - cpN1), ("EvolutionCp", Ratio(cpN - cpN1, cpN1)));
                })
                .ToList();
        }

        await AssertReportAsync(app, "INF-BUD-31", "", await Expect(latest, null), "Programme", "Titre");
        await AssertReportAsync(app, "INF-BUD-31", "&programme=0176", await Expect(latest, "0176"), "Programme", "Titre");
    }
}
