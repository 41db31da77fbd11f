using System.Globalization;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>
/// Dépenses reports with derived measures (ageing classes, lead times split from dates, rates, balances,
/// cumulated consumption, duplicate detection) against rows computed here from the fact and dimension tables
/// with plain SQL and C#: ages and lead times are recomputed from the dates, not read from the load-time columns.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class DepensesGoldenTests(TinyWarehouses warehouses)
{
    private const string Dp = "fact_demande_paiement";

    public static TheoryData<WarehouseProvider, string, bool> Cases()
    {
        var data = new TheoryData<WarehouseProvider, string, bool>();
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            foreach (var code in Expectations.Keys)
            {
                data.Add(provider, code, false);
                data.Add(provider, code, true);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, (string[] Keys, Func<WarehouseOptions, int, Task<List<Row>>> Rows)> Expectations = new(StringComparer.Ordinal)
    {
        ["INF-DEP-03"] = (["Societe", "ServiceExecutant", "TrancheAnciennete"], PendingStockAsync),
        ["INF-DEP-11"] = (["PeriodeComptable", "ServiceExecutant"], InvoiceLeadTimeAsync),
        ["INF-DEP-12"] = (["Societe", "ServiceExecutant"], OrdonnateurComptableAsync),
        ["INF-DEP-13"] = (["Societe", "Fournisseur", "FournisseurNom"], LatePaymentsAsync),
        ["INF-DEP-16"] = (["Marche", "MarcheObjet", "NumeroEj", "Titulaire", "TitulaireNom"], MarketPaymentsAsync),
        ["INF-DEP-17"] = (["Marche", "MarcheObjet", "Titulaire", "DateFin"], FrameworkConsumptionAsync),
        ["INF-DEP-18"] = (["NumeroEj", "Fournisseur", "FournisseurNom"], AdvancesAsync),
        ["INF-DEP-28"] = (["Societe", "Devise"], CurrenciesAsync),
        ["INF-DEP-30"] = (["Societe", "Flux", "FluxLibelle"], AutomationAsync),
        ["INF-DEP-35"] = (["Fournisseur", "FournisseurNom", "ReferenceFacture", "NumeroDp", "DateBase", "Statut"], DuplicatesAsync),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Report_rows_equal_plain_sql_over_the_facts(WarehouseProvider provider, string code, bool earlierExercice)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = (int)(await PlainSql.QueryAsync(app.Warehouse, $"SELECT MAX(exercice) AS m FROM {Dp}"))[0].Long("m")!.Value;
        var exercice = earlierExercice ? latest - 1 : latest;
        var (keys, compute) = Expectations[code];
        var expected = await compute(app.Warehouse, exercice);
        if (!earlierExercice)
        {
            Assert.NotEmpty(expected);
        }

        var url = $"/api/reports/{code}/rows?top=100000" + (earlierExercice ? $"&exercice={exercice.Invariant()}" : "");
        var response = await app.Client.GetOkAsync(url);

        Rows.AssertSameSet(expected, Rows.From(response.Json.GetProperty("rows")), keys, $"{code} on {provider}, exercice {exercice}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Societe_filter_keeps_only_that_societe(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = (int)(await PlainSql.QueryAsync(app.Warehouse, $"SELECT MAX(exercice) AS m FROM {Dp}"))[0].Long("m")!.Value;
        var all = await OrdonnateurComptableAsync(app.Warehouse, latest);
        var societe = (string)all[0]["Societe"]!;

        var response = await app.Client.GetOkAsync($"/api/reports/INF-DEP-12/rows?top=100000&societe={societe}");

        Rows.AssertSameSet([.. all.Where(r => (string?)r["Societe"] == societe)], Rows.From(response.Json.GetProperty("rows")), ["Societe", "ServiceExecutant"], $"INF-DEP-12 on {provider}, société {societe}");
    }

    private static DateOnly Date(SqlRow r, string column) => DateOnly.ParseExact(r.Date(column)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal? Ratio(decimal numerator, decimal denominator) => denominator == 0 ? null : numerator / denominator;

    private static decimal Average(IEnumerable<int> values) => (decimal)values.Sum() / values.Count();

    private static Task<List<SqlRow>> DpAsync(WarehouseOptions w, int exercice, string where, string extra = "") =>
        PlainSql.QueryAsync(w, $"""
            SELECT f.societe_code, f.service_executant, f.dp_numero, f.dp_poste, f.tiers_code, t.raison_sociale, f.statut, f.periode,
                f.montant, f.date_base, f.date_paiement, f.date_mise_en_paiement, f.date_depot_facture {extra}
            FROM {Dp} f LEFT JOIN dim_tiers t ON t.code = f.tiers_code
            WHERE f.exercice = @exercice AND {where}
            """, ("exercice", exercice));

    /// <summary>INF-DEP-03: age from the date de base to 31 December, in classes of 30/60/90/180 days.</summary>
    private static async Task<List<Row>> PendingStockAsync(WarehouseOptions w, int exercice)
    {
        var yearEnd = new DateOnly(exercice, 12, 31);
        static string Class(int age) => age switch
        {
            <= 30 => "1. 0 à 30 jours",
            <= 60 => "2. 31 à 60 jours",
            <= 90 => "3. 61 à 90 jours",
            <= 180 => "4. 91 à 180 jours",
            _ => "5. plus de 180 jours",
        };
        var lines = (await DpAsync(w, exercice, "f.statut <> 'PAY'"))
            .Select(r => (Row: r, Age: yearEnd.DayNumber - Date(r, "date_base").DayNumber)).ToList();
        return [.. lines.GroupBy(l => (S: l.Row.Text("societe_code"), E: l.Row.Text("service_executant"), C: Class(l.Age))).Select(g => new Row
        {
            ["Societe"] = g.Key.S, ["ServiceExecutant"] = g.Key.E, ["TrancheAnciennete"] = g.Key.C,
            ["NombreDp"] = (decimal)g.Select(l => l.Row.Text("dp_numero")).Distinct().Count(),
            ["Montant"] = g.Sum(l => l.Row.Amount("montant")), ["AgeMoyen"] = Average(g.Select(l => l.Age)),
        })];
    }

    /// <summary>INF-DEP-11: deposit of the invoice to payment; share of lines paid within 30 days.</summary>
    private static async Task<List<Row>> InvoiceLeadTimeAsync(WarehouseOptions w, int exercice)
    {
        var lines = (await DpAsync(w, exercice, "f.statut = 'PAY' AND f.canal_facture IS NOT NULL"))
            .Select(r => (Row: r, Days: Date(r, "date_paiement").DayNumber - Date(r, "date_depot_facture").DayNumber)).ToList();
        return [.. lines.GroupBy(l => (P: l.Row.Long("periode"), E: l.Row.Text("service_executant"))).Select(g =>
        {
            var within = g.Count(l => l.Days <= 30);
            return new Row
            {
                ["PeriodeComptable"] = (decimal)g.Key.P!.Value, ["ServiceExecutant"] = g.Key.E,
                ["NombreFactures"] = (decimal)g.Select(l => l.Row.Text("dp_numero")).Distinct().Count(),
                ["DelaiMoyen"] = Average(g.Select(l => l.Days)), ["DelaiMaximum"] = (decimal)g.Max(l => l.Days),
                ["NombrePostes"] = (decimal)g.Count(), ["PostesDansDelai"] = (decimal)within, ["TauxDansDelai"] = (decimal)within / g.Count(),
            };
        })];
    }

    /// <summary>INF-DEP-12: délai ordonnateur = base → mise en paiement, comptable = mise en paiement → paiement.</summary>
    private static async Task<List<Row>> OrdonnateurComptableAsync(WarehouseOptions w, int exercice)
    {
        var lines = (await DpAsync(w, exercice, "f.statut = 'PAY'")).Select(r => (
            Row: r,
            Ordo: Date(r, "date_mise_en_paiement").DayNumber - Date(r, "date_base").DayNumber,
            Compta: Date(r, "date_paiement").DayNumber - Date(r, "date_mise_en_paiement").DayNumber)).ToList();
        return [.. lines.GroupBy(l => (S: l.Row.Text("societe_code"), E: l.Row.Text("service_executant"))).Select(g =>
        {
            var ordo = Average(g.Select(l => l.Ordo));
            var compta = Average(g.Select(l => l.Compta));
            var global = Average(g.Select(l => l.Ordo + l.Compta));
            return new Row
            {
                ["Societe"] = g.Key.S, ["ServiceExecutant"] = g.Key.E,
                ["NombreDp"] = (decimal)g.Select(l => l.Row.Text("dp_numero")).Distinct().Count(),
                ["MontantPaye"] = g.Sum(l => l.Row.Amount("montant")), ["DelaiOrdonnateur"] = ordo, ["DelaiComptable"] = compta,
                ["DelaiGlobal"] = global, ["PartComptable"] = Ratio(compta, global),
            };
        })];
    }

    /// <summary>INF-DEP-13: payments later than 30 days (from the dates) with their intérêts moratoires.</summary>
    private static async Task<List<Row>> LatePaymentsAsync(WarehouseOptions w, int exercice)
    {
        var lines = (await DpAsync(w, exercice, "f.statut = 'PAY'", ", f.interets_moratoires"))
            .Select(r => (Row: r, Days: Date(r, "date_paiement").DayNumber - Date(r, "date_base").DayNumber))
            .Where(l => l.Days > 30).ToList();
        return [.. lines.GroupBy(l => (S: l.Row.Text("societe_code"), T: l.Row.Text("tiers_code"), N: l.Row.Text("raison_sociale"))).Select(g => new Row
        {
            ["Societe"] = g.Key.S, ["Fournisseur"] = g.Key.T, ["FournisseurNom"] = g.Key.N,
            ["InteretsMoratoires"] = g.Sum(l => l.Row.Amount("interets_moratoires")),
            ["NombreDp"] = (decimal)g.Select(l => l.Row.Text("dp_numero")).Distinct().Count(),
            ["MontantPaye"] = g.Sum(l => l.Row.Amount("montant")), ["DelaiMoyen"] = Average(g.Select(l => l.Days)),
        })];
    }

    private sealed record MarketLine(string Marche, string? Objet, string? Nature, string? Titulaire, string? TitulaireNom, string? DateFin, string? Ej, decimal Maximum, decimal Engage, decimal Paye);

    /// <summary>EJ movements (engagé − bascule) and paid DP lines of the EJ attached to a marché, with the marché's attributes.</summary>
    private static async Task<List<MarketLine>> MarketLinesAsync(WarehouseOptions w, string exerciceCondition, int exercice)
    {
        const string Marche = "LEFT JOIN dim_marche mp ON mp.numero = f.marche_numero LEFT JOIN dim_tiers tit ON tit.code = mp.titulaire_code";
        const string Columns = "f.marche_numero, mp.objet, mp.nature_code, mp.titulaire_code, tit.raison_sociale, mp.date_fin, mp.montant_maximum, f.ej_numero";
        MarketLine Line(SqlRow r, decimal engage, decimal paye) => new(
            r.Text("marche_numero")!, r.Text("objet"), r.Text("nature_code"), r.Text("titulaire_code"), r.Text("raison_sociale"),
            r.Date("date_fin"), r.Text("ej_numero"), r.Amount("montant_maximum"), engage, paye);
        var lines = new List<MarketLine>();
        foreach (var r in await PlainSql.QueryAsync(w, $"SELECT {Columns}, f.montant_engage, f.montant_bascule FROM fact_engagement f {Marche} WHERE f.marche_numero IS NOT NULL AND {exerciceCondition}", ("exercice", exercice)))
        {
            lines.Add(Line(r, r.Amount("montant_engage") - r.Amount("montant_bascule"), 0m));
        }

        foreach (var r in await PlainSql.QueryAsync(w, $"SELECT {Columns}, f.montant, f.statut FROM {Dp} f {Marche} WHERE f.marche_numero IS NOT NULL AND {exerciceCondition}", ("exercice", exercice)))
        {
            lines.Add(Line(r, 0m, r.Text("statut") == "PAY" ? r.Amount("montant") : 0m));
        }

        return lines;
    }

    /// <summary>INF-DEP-16: per marché and EJ, engagé and payé of the exercice and their ratio.</summary>
    private static async Task<List<Row>> MarketPaymentsAsync(WarehouseOptions w, int exercice) =>
        [.. (await MarketLinesAsync(w, "f.exercice = @exercice", exercice))
            .GroupBy(l => (l.Marche, l.Objet, l.Ej, l.Titulaire, l.TitulaireNom)).Select(g =>
            {
                var engage = g.Sum(l => l.Engage);
                var paye = g.Sum(l => l.Paye);
                return new Row
                {
                    ["Marche"] = g.Key.Marche, ["MarcheObjet"] = g.Key.Objet, ["NumeroEj"] = g.Key.Ej, ["Titulaire"] = g.Key.Titulaire,
                    ["TitulaireNom"] = g.Key.TitulaireNom, ["MontantEngage"] = engage, ["MontantPaye"] = paye, ["TauxExecution"] = Ratio(paye, engage),
                };
            })];

    /// <summary>INF-DEP-17: accords-cadres à bons de commande, cumulated up to the exercice, against their maximum.</summary>
    private static async Task<List<Row>> FrameworkConsumptionAsync(WarehouseOptions w, int exercice) =>
        [.. (await MarketLinesAsync(w, "f.exercice <= @exercice", exercice)).Where(l => l.Nature == "ACBC")
            .GroupBy(l => (l.Marche, l.Objet, l.Titulaire, l.DateFin)).Select(g =>
            {
                var engage = g.Sum(l => l.Engage);
                var maximum = g.Max(l => l.Maximum);
                return new Row
                {
                    ["Marche"] = g.Key.Marche, ["MarcheObjet"] = g.Key.Objet, ["Titulaire"] = g.Key.Titulaire, ["DateFin"] = g.Key.DateFin,
                    ["NombreBonsCommande"] = (decimal)g.Select(l => l.Ej).Distinct().Count(), ["MontantEngage"] = engage,
                    ["MontantPaye"] = g.Sum(l => l.Paye), ["MontantMaximum"] = maximum, ["TauxConsommation"] = Ratio(engage, maximum),
                    ["ResteDisponible"] = maximum - engage,
                };
            })];

    /// <summary>INF-DEP-18: avances versées (AVA) and récupérées (AVR) per EJ and titulaire, and what remains.</summary>
    private static async Task<List<Row>> AdvancesAsync(WarehouseOptions w, int exercice)
    {
        var rows = await PlainSql.QueryAsync(w, """
            SELECT f.ej_numero, f.tiers_code, t.raison_sociale, f.type_operation_code, f.montant
            FROM fact_operation_paiement f LEFT JOIN dim_tiers t ON t.code = f.tiers_code
            WHERE f.exercice = @exercice AND f.type_operation_code IN ('AVA', 'AVR')
            """, ("exercice", exercice));
        return [.. rows.GroupBy(r => (E: r.Text("ej_numero"), T: r.Text("tiers_code"), N: r.Text("raison_sociale"))).Select(g =>
        {
            var versee = g.Where(r => r.Text("type_operation_code") == "AVA").Sum(r => r.Amount("montant"));
            var recuperee = g.Where(r => r.Text("type_operation_code") == "AVR").Sum(r => r.Amount("montant"));
            return new Row
            {
                ["NumeroEj"] = g.Key.E, ["Fournisseur"] = g.Key.T, ["FournisseurNom"] = g.Key.N,
                ["AvanceVersee"] = versee, ["AvanceRecuperee"] = recuperee, ["Solde"] = versee - recuperee,
            };
        })];
    }

    /// <summary>INF-DEP-28: DP in a foreign currency, amount in currency, in euros, and the average rate.</summary>
    private static async Task<List<Row>> CurrenciesAsync(WarehouseOptions w, int exercice)
    {
        var rows = await DpAsync(w, exercice, "f.devise_code <> 'EUR'", ", f.devise_code, f.montant_devise");
        return [.. rows.GroupBy(r => (S: r.Text("societe_code"), D: r.Text("devise_code"))).Select(g =>
        {
            var devise = g.Sum(r => r.Amount("montant_devise"));
            var euros = g.Sum(r => r.Amount("montant"));
            return new Row
            {
                ["Societe"] = g.Key.S, ["Devise"] = g.Key.D, ["MontantDevise"] = devise, ["ContreValeurEur"] = euros,
                ["NombreDp"] = (decimal)g.Select(r => r.Text("dp_numero")).Distinct().Count(), ["CoursMoyen"] = Ratio(devise, euros),
            };
        })];
    }

    /// <summary>INF-DEP-30: DP lines by Chorus flux, automated lines and their share.</summary>
    private static async Task<List<Row>> AutomationAsync(WarehouseOptions w, int exercice)
    {
        var labels = new Dictionary<long, string>
        {
            [1] = "Flux 1 : DP sans EJ", [2] = "Flux 2 : service fait après facture", [3] = "Flux 3 : service fait préalable",
            [4] = "Flux 4 : facture valant EJ",
        };
        var rows = await DpAsync(w, exercice, "1 = 1", ", f.flux, f.est_automatise");
        return [.. rows.GroupBy(r => (S: r.Text("societe_code"), F: r.Long("flux")!.Value)).Select(g =>
        {
            var automated = g.Count(r => r.Bool("est_automatise"));
            return new Row
            {
                ["Societe"] = g.Key.S, ["Flux"] = (decimal)g.Key.F, ["FluxLibelle"] = labels[g.Key.F],
                ["NombreDp"] = (decimal)g.Select(r => r.Text("dp_numero")).Distinct().Count(), ["NombrePostes"] = (decimal)g.Count(),
                ["PostesAutomatises"] = (decimal)automated, ["TauxAutomatisation"] = (decimal)automated / g.Count(),
            };
        })];
    }

    /// <summary>
    /// INF-DEP-35, without the load-time flag: a DP is suspect when the same tiers presented the same invoice
    /// reference on a DP with a lower number (whatever its exercice).
    /// </summary>
    private static async Task<List<Row>> DuplicatesAsync(WarehouseOptions w, int exercice)
    {
        var all = await PlainSql.QueryAsync(w, $"SELECT tiers_code, reference_facture, dp_numero FROM {Dp} WHERE reference_facture IS NOT NULL");
        var first = all.GroupBy(r => (T: r.Text("tiers_code"), R: r.Text("reference_facture")))
            .ToDictionary(g => g.Key, g => g.Select(r => r.Text("dp_numero")!).Min(StringComparer.Ordinal));
        var rows = (await DpAsync(w, exercice, "f.reference_facture IS NOT NULL", ", f.reference_facture"))
            .Where(r => string.CompareOrdinal(r.Text("dp_numero"), first[(r.Text("tiers_code"), r.Text("reference_facture"))]) > 0);
        return [.. rows.GroupBy(r => (T: r.Text("tiers_code"), N: r.Text("raison_sociale"), R: r.Text("reference_facture"), D: r.Text("dp_numero"),
            B: r.Date("date_base"), S: r.Text("statut"))).Select(g => new Row
        {
            ["Fournisseur"] = g.Key.T, ["FournisseurNom"] = g.Key.N, ["ReferenceFacture"] = g.Key.R, ["NumeroDp"] = g.Key.D,
            ["DateBase"] = g.Key.B, ["Statut"] = g.Key.S, ["Montant"] = g.Sum(r => r.Amount("montant")), ["NombrePostes"] = (decimal)g.Count(),
        })];
    }
}
