using System.Globalization;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>
/// The general-accounting reports against an accountant's own arithmetic over fact_ecriture_comptable (and the
/// other facts), read with plain SQL and summed in C#: balances with a solde on one side only, sub-ledgers with
/// open items and their age at the 31 December, fixed-asset movements, the balance sheet, the net position, the
/// budget/accrual reconciliation, the quality checks and the full cost. Default parameters, then one other value.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ComptabiliteGeneraleGoldenTests(TinyWarehouses warehouses)
{
    private const string NotAssigned = Expected.NotAssigned;

    private sealed record Line(
        string Societe, string Ministere, string? Programme, string Piece, string Journal, string Type, string Compte, string? CompteLibelle, string? Classe,
        string? Rubrique, string? Poste, string? SousPoste, string? ClasseImmobilisation, string? Tiers, string? TiersNom,
        string? Client, string? ClientNom, string? Echeance, string? Lettrage, DateOnly Date, decimal Debit, decimal Credit)
    {
        public bool IsOpen => Echeance is not null && Lettrage is null;
    }

    private static async Task<List<Line>> LedgerAsync(WarehouseOptions w, int exercice) =>
        [.. (await PlainSql.QueryAsync(w, """
            SELECT f.societe_code, f.ministere_code, f.programme_code, f.piece_numero, f.journal, f.type_operation,
                   f.compte_general_code, cg.libelle AS compte_libelle, cg.classe, cg.rubrique, cg.poste, cg.sous_poste, cg.classe_immobilisation,
                   f.tiers_code, t.raison_sociale, f.client_code, c.nom, f.date_echeance, f.lettrage, f.date_comptable, f.debit, f.credit
            FROM fact_ecriture_comptable f
            LEFT JOIN dim_compte_general cg ON cg.code = f.compte_general_code
            LEFT JOIN dim_tiers t ON t.code = f.tiers_code
            LEFT JOIN dim_client c ON c.code = f.client_code
            WHERE f.exercice = @exercice
            """, ("exercice", exercice))).Select(r => new Line(
            r.Text("societe_code")!, r.Text("ministere_code")!, r.Text("programme_code"), r.Text("piece_numero")!, r.Text("journal")!,
            r.Text("type_operation")!, r.Text("compte_general_code")!, r.Text("compte_libelle"), r.Text("classe"), r.Text("rubrique"), r.Text("poste"),
            r.Text("sous_poste"), r.Text("classe_immobilisation"), r.Text("tiers_code"), r.Text("raison_sociale"), r.Text("client_code"),
            r.Text("nom"), r.Date("date_echeance"), r.Text("lettrage"),
            DateOnly.ParseExact(r.Date("date_comptable")!, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Amount("debit"), r.Amount("credit")))];

    /// <summary>Days from the échéance to the 31 December of the exercice.</summary>
    private static int Age(Line l, int exercice) =>
        new DateOnly(exercice, 12, 31).DayNumber - DateOnly.ParseExact(l.Echeance!, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;

    private static string Bucket(int age) => age switch
    {
        < 0 => "1 - Non échu",
        <= 30 => "2 - 0 à 30 jours",
        <= 90 => "3 - 31 à 90 jours",
        <= 180 => "4 - 91 à 180 jours",
        <= 365 => "5 - 181 à 365 jours",
        _ => "6 - Plus d'un an",
    };

    private static decimal Debit(IEnumerable<Line> lines, string? type = null) => lines.Where(l => type is null || l.Type == type).Sum(l => l.Debit);

    private static decimal Credit(IEnumerable<Line> lines, string? type = null) => lines.Where(l => type is null || l.Type == type).Sum(l => l.Credit);

    private static decimal? Ratio(decimal numerator, decimal denominator) => denominator == 0 ? null : numerator / denominator;

    private static async Task<List<Row>> RowsAsync(RunningApp app, string code, params (string Name, string Value)[] parameters)
    {
        var response = await app.Client.GetOkAsync($"/api/reports/{code}/rows" + Http.Query([.. parameters, ("top", "100000")]));
        return Rows.From(response.Json.GetProperty("rows"));
    }

    private static async Task<(RunningApp App, int Latest)> StartAsync(TinyWarehouses warehouses, WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = (int)(await PlainSql.QueryAsync(app.Warehouse, "SELECT MAX(exercice) AS m FROM fact_ecriture_comptable"))[0].Long("m")!.Value;
        return (app, latest);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Cge01_balance_balances_with_each_solde_on_one_side(WarehouseProvider provider)
    {
        var (app, latest) = await StartAsync(warehouses, provider);
        foreach (var exercice in new[] { latest - 1, latest })
        {
            var rows = await RowsAsync(app, "INF-CGE-01", ("exercice", exercice.Invariant()));

            Rows.AssertSameSet(await Expected.TrialBalanceAsync(app.Warehouse, exercice, null), rows, Expected.Keys["INF-CGE-01"], $"INF-CGE-01 {exercice} on {provider}");
            Assert.All(rows, r => Assert.True(r.Number("SoldeDebiteur") == 0 || r.Number("SoldeCrediteur") == 0, r.ToString()));
            Assert.Equal(rows.Sum(r => r.Number("TotalDebit")), rows.Sum(r => r.Number("TotalCredit")));
            Assert.Equal(rows.Sum(r => r.Number("SoldeDebiteur")), rows.Sum(r => r.Number("SoldeCrediteur")));
        }

        // After the first exercice, the balance d'entrée carries the previous closing balances.
        var entree = await RowsAsync(app, "INF-CGE-01");
        Assert.Contains(entree, r => r.Number("BalanceEntreeDebit") > 0);
        Assert.Contains(entree, r => r.Number("FinGestionCredit") > 0);
    }

    private static List<Row> SubLedger(IEnumerable<Line> lines, int exercice, Func<Line, string?> party, Func<Line, string?> name, string partyColumn, string nameColumn) =>
        [.. lines.Where(l => party(l) is not null).GroupBy(l => (l.Societe, Party: party(l)!, Name: name(l) ?? NotAssigned, l.Compte)).Select(g =>
        {
            var (debit, credit) = (Debit(g), Credit(g));
            var open = g.Where(l => l.IsOpen).ToList();
            return Expected.Make(
                ("Societe", g.Key.Societe), (partyColumn, g.Key.Party), (nameColumn, g.Key.Name), ("CompteGeneral", g.Key.Compte),
                ("TotalDebit", debit), ("TotalCredit", credit),
                ("SoldeDebiteur", Math.Max(debit - credit, 0m)), ("SoldeCrediteur", Math.Max(credit - debit, 0m)),
                ("DebitNonLettre", Debit(open)), ("CreditNonLettre", Credit(open)),
                ("AnterioriteJours", open.Count == 0 ? null : open.Max(l => Age(l, exercice))));
        })];

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Cge06_and_07_sub_ledgers_with_open_items_and_their_age(WarehouseProvider provider)
    {
        var (app, latest) = await StartAsync(warehouses, provider);
        var lines = await LedgerAsync(app.Warehouse, latest);
        var suppliers = lines.Where(l => l.Compte.StartsWith("40", StringComparison.Ordinal)).ToList();
        var customers = lines.Where(l => l.Compte.StartsWith("41", StringComparison.Ordinal)).ToList();
        // The tiny data set has open and cleared items on both sides, or the comparison would prove little.
        Assert.Contains(suppliers, l => l.IsOpen);
        Assert.Contains(customers, l => l.IsOpen && l.Type == "OUV");
        Assert.Contains(customers, l => l.Lettrage is not null);

        string[] supplierKeys = ["Societe", "Fournisseur", "CompteGeneral"];
        string[] customerKeys = ["Societe", "Client", "CompteGeneral"];
        Rows.AssertSameSet(SubLedger(suppliers, latest, l => l.Tiers, l => l.TiersNom, "Fournisseur", "FournisseurNom"),
            await RowsAsync(app, "INF-CGE-06"), supplierKeys, $"INF-CGE-06 on {provider}");
        Rows.AssertSameSet(SubLedger(customers, latest, l => l.Client, l => l.ClientNom, "Client", "ClientNom"),
            await RowsAsync(app, "INF-CGE-07"), customerKeys, $"INF-CGE-07 on {provider}");

        var societe = customers.Select(l => l.Societe).Order(StringComparer.Ordinal).Last();
        Rows.AssertSameSet(SubLedger(customers.Where(l => l.Societe == societe), latest, l => l.Client, l => l.ClientNom, "Client", "ClientNom"),
            await RowsAsync(app, "INF-CGE-07", ("societe", societe)), customerKeys, $"INF-CGE-07 société {societe} on {provider}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Cge08_open_items_by_age_bucket_at_year_end(WarehouseProvider provider)
    {
        var (app, latest) = await StartAsync(warehouses, provider);
        foreach (var exercice in new[] { latest, latest - 1 })
        {
            var open = (await LedgerAsync(app.Warehouse, exercice)).Where(l => l.Compte[0] == '4' && l.IsOpen).ToList();
            var expected = open.GroupBy(l => (l.Societe, l.Compte, Libelle: l.CompteLibelle ?? NotAssigned, Bucket: Bucket(Age(l, exercice)))).Select(g => Expected.Make(
                ("Societe", g.Key.Societe), ("CompteGeneral", g.Key.Compte), ("CompteLibelle", g.Key.Libelle), ("TrancheAge", g.Key.Bucket),
                ("DebitNonLettre", Debit(g)), ("CreditNonLettre", Credit(g)), ("MontantOuvert", Math.Abs(Debit(g) - Credit(g))),
                ("NombreTiers", g.Select(l => l.Tiers ?? l.Client).Where(p => p is not null).Distinct().Count()), ("NombreLignes", g.Count()))).ToList();
            Assert.True(expected.Select(r => r.Text("TrancheAge")).Distinct().Count() >= 2, "several age buckets");

            var rows = await RowsAsync(app, "INF-CGE-08", ("exercice", exercice.Invariant()));

            Rows.AssertSameSet(expected, rows, ["Societe", "CompteGeneral", "TrancheAge"], $"INF-CGE-08 {exercice} on {provider}");
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Cge09_charges_with_previous_year_evolution_share_and_rank(WarehouseProvider provider)
    {
        var (app, latest) = await StartAsync(warehouses, provider);
        var current = (await LedgerAsync(app.Warehouse, latest)).Where(l => l.Classe == "6").Select(l => (N: true, l));
        var previous = (await LedgerAsync(app.Warehouse, latest - 1)).Where(l => l.Classe == "6").Select(l => (N: false, l));
        var programmes = (await PlainSql.QueryAsync(app.Warehouse, "SELECT code, libelle FROM dim_programme"))
            .ToDictionary(r => r.Text("code")!, r => r.Text("libelle"), StringComparer.Ordinal);
        List<Row> Expect(string? ministere)
        {
            var groups = current.Concat(previous).Where(x => ministere is null || x.l.Ministere == ministere)
                .GroupBy(x => (x.l.Ministere, P: x.l.Programme ?? NotAssigned, x.l.Compte, L: x.l.CompteLibelle ?? NotAssigned, S: x.l.SousPoste ?? NotAssigned))
                .Select(g => (g.Key, N: g.Where(x => x.N).Sum(x => x.l.Debit - x.l.Credit), N1: g.Where(x => !x.N).Sum(x => x.l.Debit - x.l.Credit),
                    Lines: g.ToList()))
                .ToList();
            var total = groups.Sum(g => g.N);
            return [.. groups.Select(g => Expected.Make(
                ("Ministere", g.Key.Ministere), ("Programme", g.Key.P), ("ProgrammeLibelle", programmes.GetValueOrDefault(g.Key.P) ?? NotAssigned),
                ("CompteGeneral", g.Key.Compte), ("CompteLibelle", g.Key.L), ("SousPoste", g.Key.S),
                ("DebitN", g.Lines.Where(x => x.N).Sum(x => x.l.Debit)), ("CreditN", g.Lines.Where(x => x.N).Sum(x => x.l.Credit)),
                ("DebitN1", g.Lines.Where(x => !x.N).Sum(x => x.l.Debit)), ("CreditN1", g.Lines.Where(x => !x.N).Sum(x => x.l.Credit)),
                ("ChargeNette", g.N), ("ChargeNetteN1", g.N1), ("Evolution", Ratio(g.N - g.N1, g.N1)),
                ("Part", Ratio(g.N, total)), ("Rang", 1 + groups.Count(o => o.N > g.N))))];
        }
        string[] keys = ["Ministere", "Programme", "CompteGeneral"];

        var rows = await RowsAsync(app, "INF-CGE-09");
        Rows.AssertSameSet(Expect(null), rows, keys, $"INF-CGE-09 on {provider}");
        Assert.Contains(rows, r => r.Number("Evolution") is not null and not 0);
        Assert.Equal(1m, rows.Sum(r => r.Number("Part") ?? 0m), 6);

        var ministere = rows.Select(r => r.Text("Ministere")!).Order(StringComparer.Ordinal).Last();
        Rows.AssertSameSet(Expect(ministere), await RowsAsync(app, "INF-CGE-09", ("ministere", ministere)), keys, $"INF-CGE-09 {ministere} on {provider}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Cge12_fixed_assets_open_plus_entries_minus_exits_is_the_closing_value(WarehouseProvider provider)
    {
        var (app, latest) = await StartAsync(warehouses, provider);
        var lines = await LedgerAsync(app.Warehouse, latest);
        List<Row> Expect(IEnumerable<Line> source) => [.. source
            .Where(l => l.Compte[0] == '2' && !l.Compte.StartsWith("28", StringComparison.Ordinal) && !l.Compte.StartsWith("29", StringComparison.Ordinal))
            .GroupBy(l => (Classe: l.ClasseImmobilisation ?? NotAssigned, l.Compte, Libelle: l.CompteLibelle ?? NotAssigned)).Select(g =>
            {
                var ouverture = Debit(g, "OUV") - Credit(g, "OUV");
                var entrees = Debit(g, "GES") + Debit(g, "INV");
                var sorties = Credit(g, "GES") + Credit(g, "INV");
                return Expected.Make(("ClasseImmobilisation", g.Key.Classe), ("CompteGeneral", g.Key.Compte), ("CompteLibelle", g.Key.Libelle),
                    ("EntreeDebit", Debit(g, "OUV")), ("EntreeCredit", Credit(g, "OUV")), ("MouvementsDebit", Debit(g, "GES")),
                    ("MouvementsCredit", Credit(g, "GES")), ("InventaireDebit", Debit(g, "INV")), ("InventaireCredit", Credit(g, "INV")),
                    ("Ouverture", ouverture), ("Entrees", entrees), ("Sorties", sorties), ("Cloture", ouverture + entrees - sorties));
            })];

        var rows = await RowsAsync(app, "INF-CGE-12");
        Rows.AssertSameSet(Expect(lines), rows, ["ClasseImmobilisation", "CompteGeneral"], $"INF-CGE-12 on {provider}");
        Assert.Contains(rows, r => r.Number("Ouverture") > 0 && r.Number("Sorties") > 0);

        var ministere = lines.Select(l => l.Ministere).Order(StringComparer.Ordinal).First();
        var byMinistry = await RowsAsync(app, "INF-CGE-12", ("ministere", ministere));
        Rows.AssertSameSet(Expect(lines.Where(l => l.Ministere == ministere)), byMinistry, ["ClasseImmobilisation", "CompteGeneral"], $"INF-CGE-12 {ministere} on {provider}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Cge19_balance_sheet_balances_and_cge21_net_position_rolls_forward(WarehouseProvider provider)
    {
        var (app, latest) = await StartAsync(warehouses, provider);
        var lines = await LedgerAsync(app.Warehouse, latest);
        // Before closing, classes 6 and 7 are the situation nette's "solde des opérations de l'exercice".
        (string Rubrique, string Poste, string SousPoste) Side(Line l) => l.Classe is "6" or "7"
            ? ("PASSIF", "Situation nette", "Solde des opérations de l'exercice")
            : (l.Rubrique ?? NotAssigned, l.Poste ?? NotAssigned, l.SousPoste ?? NotAssigned);
        var bilan = lines.GroupBy(Side).Select(g =>
        {
            var (debit, credit) = (Debit(g), Credit(g));
            return Expected.Make(("Rubrique", g.Key.Rubrique), ("Poste", g.Key.Poste), ("SousPoste", g.Key.SousPoste),
                ("TotalDebit", debit), ("TotalCredit", credit), ("SoldeDebiteur", Math.Max(debit - credit, 0m)),
                ("SoldeCrediteur", Math.Max(credit - debit, 0m)), ("SoldeNet", debit - credit));
        }).ToList();

        var rows = await RowsAsync(app, "INF-CGE-19");

        Rows.AssertSameSet(bilan, rows, ["Rubrique", "Poste", "SousPoste"], $"INF-CGE-19 on {provider}");
        Assert.Equal(0m, rows.Sum(r => r.Number("SoldeNet")));
        Assert.Contains(rows, r => r.Text("Rubrique") == "ACTIF");

        var net = lines.Where(l => Side(l).Poste == "Situation nette").GroupBy(l => Side(l).SousPoste).Select(g =>
        {
            var ouverture = Credit(g, "OUV") - Debit(g, "OUV");
            var variation = Credit(g, "GES") + Credit(g, "INV") - Debit(g, "GES") - Debit(g, "INV");
            return Expected.Make(("SousPoste", g.Key), ("EntreeDebit", Debit(g, "OUV")), ("EntreeCredit", Credit(g, "OUV")),
                ("MouvementsDebit", Debit(g, "GES")), ("MouvementsCredit", Credit(g, "GES")), ("InventaireDebit", Debit(g, "INV")),
                ("InventaireCredit", Credit(g, "INV")), ("Ouverture", ouverture), ("Variation", variation), ("Cloture", ouverture + variation));
        }).ToList();
        var situation = await RowsAsync(app, "INF-CGE-21");
        Rows.AssertSameSet(net, situation, ["SousPoste"], $"INF-CGE-21 on {provider}");

        // The net position opens at the previous exercice's closing one.
        var previous = await RowsAsync(app, "INF-CGE-21", ("exercice", (latest - 1).Invariant()));
        Assert.Equal(previous.Sum(r => r.Number("Cloture")), situation.Sum(r => r.Number("Ouverture")));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Cge17_budget_and_accrual_reconciliation(WarehouseProvider provider)
    {
        var (app, latest) = await StartAsync(warehouses, provider);
        var paid = await PlainSql.QueryAsync(app.Warehouse, """
            SELECT f.ministere_code, f.programme_code, f.compte_general_code, f.montant FROM fact_demande_paiement f
            WHERE f.exercice = @exercice AND f.statut = 'PAY'
            """, ("exercice", latest));
        var charges = (await LedgerAsync(app.Warehouse, latest)).Where(l => l.Compte[0] == '6').ToList();
        var programmes = (await PlainSql.QueryAsync(app.Warehouse, "SELECT code, libelle FROM dim_programme"))
            .ToDictionary(r => r.Text("code")!, r => r.Text("libelle"), StringComparer.Ordinal);
        var comptes = (await PlainSql.QueryAsync(app.Warehouse, "SELECT code, libelle FROM dim_compte_general"))
            .ToDictionary(r => r.Text("code")!, r => r.Text("libelle"), StringComparer.Ordinal);
        List<Row> Expect(string? programme) => [.. paid
            .Select(r => (M: r.Text("ministere_code")!, P: (string?)r.Text("programme_code"), C: r.Text("compte_general_code")!, Cp: r.Amount("montant"), D: 0m, Cr: 0m))
            .Concat(charges.Select(l => (M: l.Ministere, P: l.Programme, C: l.Compte, Cp: 0m, D: l.Debit, Cr: l.Credit)))
            .Where(x => programme is null || x.P == programme)
            .GroupBy(x => (x.M, P: x.P ?? NotAssigned, x.C)).Select(g =>
            {
                var (cp, debit, credit) = (g.Sum(x => x.Cp), g.Sum(x => x.D), g.Sum(x => x.Cr));
                return Expected.Make(("Ministere", g.Key.M), ("Programme", g.Key.P),
                    ("ProgrammeLibelle", programmes.GetValueOrDefault(g.Key.P) ?? NotAssigned), ("CompteGeneral", g.Key.C),
                    ("CompteLibelle", comptes[g.Key.C] ?? NotAssigned), ("CpPayes", cp), ("ChargesDebit", debit), ("ChargesCredit", credit),
                    ("Charges", debit - credit), ("Ecart", cp - (debit - credit)));
            })];
        string[] keys = ["Ministere", "Programme", "CompteGeneral"];

        var rows = await RowsAsync(app, "INF-CGE-17");
        Rows.AssertSameSet(Expect(null), rows, keys, $"INF-CGE-17 on {provider}");
        Assert.Contains(rows, r => r.Number("Ecart") != 0 && r.Number("CpPayes") != 0);

        var programme = paid.Select(r => r.Text("programme_code")!).Order(StringComparer.Ordinal).First();
        Rows.AssertSameSet(Expect(programme), await RowsAsync(app, "INF-CGE-17", ("programme", programme)), keys, $"INF-CGE-17 {programme} on {provider}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Cge24_quality_checks_find_open_suspense_items_and_old_receivables(WarehouseProvider provider)
    {
        var (app, latest) = await StartAsync(warehouses, provider);
        foreach (var exercice in new[] { latest, latest - 1 })
        {
            var lines = await LedgerAsync(app.Warehouse, exercice);
            var anomalies = lines.Where(l => l.Compte.StartsWith("47", StringComparison.Ordinal) && l.IsOpen).Select(l => ("ATTENTE", l))
                .Concat(lines.Where(l => l.Compte.StartsWith("41", StringComparison.Ordinal) && l.IsOpen
                    && DateOnly.ParseExact(l.Echeance!, "yyyy-MM-dd", CultureInfo.InvariantCulture).Year < exercice).Select(l => ("CREANCE", l)))
                .Concat(lines.Where(l => l.Date.Year != exercice).Select(l => ("HORSEX", l)))
                .Concat(lines.Where(l => (l.Compte.StartsWith("401", StringComparison.Ordinal) || l.Compte.StartsWith("411", StringComparison.Ordinal))
                    && l.Tiers is null && l.Client is null).Select(l => ("SANSTIERS", l)))
                .Concat(lines.GroupBy(l => (l.Societe, l.Piece)).Where(g => Debit(g) != Credit(g)).SelectMany(g => g).Select(l => ("DESEQ", l)))
                .ToList();
            var expected = anomalies.GroupBy(a => (a.l.Societe, Code: a.Item1)).Select(g => Expected.Make(
                ("Societe", g.Key.Societe), ("Anomalie", g.Key.Code), ("NombreLignes", g.Count()),
                ("NombrePieces", g.Select(a => a.l.Piece).Distinct().Count()), ("Debit", g.Sum(a => a.l.Debit)), ("Credit", g.Sum(a => a.l.Credit)),
                ("Montant", g.Sum(a => a.l.Debit + a.l.Credit)))).ToList();
            Assert.Contains(expected, r => r.Text("Anomalie") == "ATTENTE");

            var rows = (await RowsAsync(app, "INF-CGE-24", ("exercice", exercice.Invariant()))).Project(
                "Societe", "Anomalie", "NombreLignes", "NombrePieces", "Debit", "Credit", "Montant");

            Rows.AssertSameSet(expected, rows, ["Societe", "Anomalie"], $"INF-CGE-24 {exercice} on {provider}");
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Cge25_full_cost_allocates_the_ministry_pool_to_the_cent(WarehouseProvider provider)
    {
        var (app, latest) = await StartAsync(warehouses, provider);
        var lines = (await LedgerAsync(app.Warehouse, latest)).Where(l => l.Classe == "6").ToList();
        var costs = await PlainSql.QueryAsync(app.Warehouse, """
            SELECT f.ministere_code, f.programme_code, p.libelle, f.action_code, a.libelle AS action_libelle, f.centre_couts_code, f.cout_direct, f.cout_deverse
            FROM fact_cout_complet f
            LEFT JOIN dim_programme p ON p.code = f.programme_code
            LEFT JOIN dim_domaine_fonctionnel a ON a.code = f.action_code
            WHERE f.exercice = @exercice
            """, ("exercice", latest));

        // The fact holds what the ledger says: direct = class 6 with a programme; allocated = class 6 without one.
        foreach (var ministry in lines.GroupBy(l => l.Ministere))
        {
            var facts = costs.Where(c => c.Text("ministere_code") == ministry.Key).ToList();
            Assert.Equal(ministry.Where(l => l.Programme is not null).Sum(l => l.Debit - l.Credit), facts.Sum(c => c.Amount("cout_direct")));
            Assert.Equal(ministry.Where(l => l.Programme is null).Sum(l => l.Debit - l.Credit), facts.Sum(c => c.Amount("cout_deverse")));
        }

        List<Row> Expect(string? programme) => [.. costs.Where(c => programme is null || c.Text("programme_code") == programme)
            .GroupBy(c => (M: c.Text("ministere_code")!, P: c.Text("programme_code")!, L: c.Text("libelle") ?? NotAssigned,
                A: c.Text("action_code") ?? NotAssigned, Al: c.Text("action_libelle") ?? NotAssigned, Cc: c.Text("centre_couts_code") ?? NotAssigned))
            .Select(g =>
            {
                var (direct, deverse) = (g.Sum(c => c.Amount("cout_direct")), g.Sum(c => c.Amount("cout_deverse")));
                return Expected.Make(("Ministere", g.Key.M), ("Programme", g.Key.P), ("ProgrammeLibelle", g.Key.L), ("Action", g.Key.A),
                    ("ActionLibelle", g.Key.Al), ("CentreCouts", g.Key.Cc), ("CoutDirect", direct), ("CoutDeverse", deverse),
                    ("CoutComplet", direct + deverse), ("PartDeverse", Ratio(deverse, direct + deverse)));
            })];
        string[] keys = ["Ministere", "Programme", "Action", "CentreCouts"];

        var rows = await RowsAsync(app, "INF-CGE-25");
        Rows.AssertSameSet(Expect(null), rows, keys, $"INF-CGE-25 on {provider}");
        Assert.Contains(rows, r => r.Number("PartDeverse") > 0);

        var programme = costs.Select(c => c.Text("programme_code")!).Order(StringComparer.Ordinal).Last();
        Rows.AssertSameSet(Expect(programme), await RowsAsync(app, "INF-CGE-25", ("programme", programme)), keys, $"INF-CGE-25 {programme} on {provider}");
    }
}
