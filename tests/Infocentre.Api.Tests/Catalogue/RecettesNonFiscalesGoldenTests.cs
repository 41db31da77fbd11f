using System.Globalization;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>
/// Recettes non fiscales reports against rows recomputed here from the fact tables: a titre's encaissé is the
/// sum of its fact_encaissement rows (not the stored situation columns), its statut, age, bucket and lead time
/// are derived from its amounts and dates, and shares, ranks and rates are computed in C#. Both engines, with the
/// default parameters and with one explicit value.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class RecettesNonFiscalesGoldenTests(TinyWarehouses warehouses)
{
    private const string NotAssigned = "#";

    private static readonly Dictionary<string, string[]> Keys = new(StringComparer.Ordinal)
    {
        ["INF-REC-01"] = ["Societe", "NatureRecette", "NatureRecetteLibelle", "CompteGeneral", "CompteGeneralLibelle"],
        ["INF-REC-02"] = ["Societe", "Statut"],
        ["INF-REC-03"] = ["Societe", "ClientCategorie", "TrancheAnciennete"],
        ["INF-REC-10"] = ["Societe", "MotifAnnulation"],
        ["INF-REC-18"] = ["LigneRecette", "LigneRecetteLibelle", "Budget"],
        ["INF-REC-19"] = ["Societe", "NatureRecette", "NatureRecetteLibelle"],
        ["INF-REC-21"] = ["Client", "ClientNom", "ClientCategorie"],
        ["INF-REC-25"] = ["Departement"],
    };

    public static TheoryData<WarehouseProvider, string, bool> Cases()
    {
        var data = new TheoryData<WarehouseProvider, string, bool>();
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            foreach (var code in Keys.Keys)
            {
                data.Add(provider, code, false);
                data.Add(provider, code, true);
            }
        }

        return data;
    }

    /// <summary><paramref name="earlier"/>: the exercice before the latest, given explicitly (INF-REC-03: a société filter as well).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Report_rows_equal_plain_sql_over_the_facts(WarehouseProvider provider, string code, bool earlier)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = Convert.ToInt32(await PlainSql.ScalarAsync(w, "SELECT MAX(exercice) FROM fact_titre_perception"), CultureInfo.InvariantCulture);
        var exercice = earlier ? latest - 1 : latest;
        var societe = earlier && code == "INF-REC-03" ? await FirstSocieteAsync(w) : null;
        var query = earlier ? $"&exercice={exercice.Invariant()}" + (societe is null ? "" : "&societe=" + societe) : "";

        var expected = code switch
        {
            "INF-REC-01" => await IssuedAsync(w, exercice),
            "INF-REC-02" => await ByStatusAsync(w, exercice),
            "INF-REC-03" => await OutstandingByAgeAsync(w, exercice, societe),
            "INF-REC-10" => await CancellationsAsync(w, exercice),
            "INF-REC-18" => await ForecastVersusActualAsync(w, exercice),
            "INF-REC-19" => await LeadTimeAsync(w, exercice),
            "INF-REC-21" => await TopDebtorsAsync(w, exercice),
            "INF-REC-25" => await ByDepartementAsync(w, exercice),
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
        };
        Assert.NotEmpty(expected);

        var response = await app.Client.GetOkAsync($"/api/reports/{code}/rows?top=100000{query}");

        Rows.AssertSameSet(expected, Rows.From(response.Json.GetProperty("rows")), Keys[code], $"{code} on {provider}, exercice {exercice}");
    }

    /// <summary>A titre and what the facts say of it at the date d'arrêté.</summary>
    private sealed record Titre(
        string Numero, int Exercice, string Societe, string Nature, string NatureLibelle, string Compte, string CompteLibelle,
        string Client, string ClientNom, string ClientCategorie, string Ligne, decimal Emis, decimal Annule, int? ExerciceAnnulation,
        string? Motif, DateOnly Emission, DateOnly? PriseEnCharge, DateOnly Arrete, decimal Encaisse, DateOnly? DernierEncaissement)
    {
        public decimal Reste => Emis - Annule - Encaisse;

        public string Statut => Reste > 0
            ? Encaisse > 0 ? "Partiellement recouvré" : PriseEnCharge is null ? "Émis" : "Pris en charge"
            : Encaisse > 0 ? "Recouvré" : "Soldé par annulation";

        public int Age => Arrete.DayNumber - Emission.DayNumber;

        public string Tranche => Age switch
        {
            <= 90 => "1. Moins de 3 mois",
            <= 180 => "2. De 3 à 6 mois",
            <= 365 => "3. De 6 à 12 mois",
            <= 730 => "4. De 1 à 2 ans",
            _ => "5. Plus de 2 ans",
        };
    }

    private static async Task<List<Titre>> TitresAsync(WarehouseOptions w)
    {
        var receipts = (await PlainSql.QueryAsync(w, "SELECT titre_numero, montant, date_encaissement FROM fact_encaissement"))
            .GroupBy(r => r.Text("titre_numero")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Sum: g.Sum(r => r.Amount("montant")), Last: g.Max(r => Day(r.Date("date_encaissement")))), StringComparer.Ordinal);
        var rows = await PlainSql.QueryAsync(w, """
            SELECT t.titre_numero, t.exercice, t.societe_code, t.nature_recette_code, nr.libelle AS nature_libelle,
                   t.compte_general_code, cg.libelle AS compte_libelle, t.client_code, c.nom AS client_nom, c.categorie AS client_categorie,
                   t.ligne_recette_code, t.montant_emis, t.montant_annule, t.exercice_annulation, t.motif_annulation,
                   t.date_emission, t.date_prise_en_charge, t.date_arrete
            FROM fact_titre_perception t
            JOIN dim_nature_recette nr ON nr.code = t.nature_recette_code
            JOIN dim_compte_general cg ON cg.code = t.compte_general_code
            JOIN dim_client c ON c.code = t.client_code
            """);
        return rows.Select(r =>
        {
            var numero = r.Text("titre_numero")!;
            var paid = receipts.TryGetValue(numero, out var p) ? p : (Sum: 0m, Last: (DateOnly?)null);
            return new Titre(
                numero, (int)r.Long("exercice")!.Value, r.Text("societe_code")!, r.Text("nature_recette_code")!, r.Text("nature_libelle")!,
                r.Text("compte_general_code")!, r.Text("compte_libelle")!, r.Text("client_code")!, r.Text("client_nom")!,
                r.Text("client_categorie")!, r.Text("ligne_recette_code")!, r.Amount("montant_emis"), r.Amount("montant_annule"),
                (int?)r.Long("exercice_annulation"), r.Text("motif_annulation"), Day(r.Date("date_emission"))!.Value,
                Day(r.Date("date_prise_en_charge")), Day(r.Date("date_arrete"))!.Value, paid.Sum, paid.Last);
        }).ToList();
    }

    private static async Task<List<Row>> IssuedAsync(WarehouseOptions w, int exercice) =>
        (await TitresAsync(w)).Where(t => t.Exercice == exercice)
            .GroupBy(t => (t.Societe, t.Nature, t.NatureLibelle, t.Compte, t.CompteLibelle))
            .Select(g => Expected.Make(
                ("Societe", g.Key.Societe), ("NatureRecette", g.Key.Nature), ("NatureRecetteLibelle", g.Key.NatureLibelle),
                ("CompteGeneral", g.Key.Compte), ("CompteGeneralLibelle", g.Key.CompteLibelle), ("NombreTitres", g.Count()),
                ("MontantEmis", g.Sum(t => t.Emis)), ("MontantAnnule", g.Sum(t => t.Annule)), ("MontantNet", g.Sum(t => t.Emis - t.Annule)),
                ("MontantMoyen", g.Sum(t => t.Emis) / g.Count())))
            .ToList();

    private static async Task<List<Row>> ByStatusAsync(WarehouseOptions w, int exercice)
    {
        var titres = (await TitresAsync(w)).Where(t => t.Exercice == exercice).ToList();
        return titres.GroupBy(t => (t.Societe, t.Statut))
            .Select(g => Expected.Make(
                ("Societe", g.Key.Societe), ("Statut", g.Key.Statut), ("NombreTitres", g.Count()), ("MontantEmis", g.Sum(t => t.Emis)),
                ("MontantNet", g.Sum(t => t.Emis - t.Annule)), ("MontantEncaisse", g.Sum(t => t.Encaisse)),
                ("ResteARecouvrer", g.Sum(t => t.Reste)), ("PartTitres", (decimal)g.Count() / titres.Count)))
            .ToList();
    }

    private static async Task<List<Row>> OutstandingByAgeAsync(WarehouseOptions w, int exercice, string? societe)
    {
        var open = (await TitresAsync(w))
            .Where(t => t.Exercice <= exercice && t.Reste > 0 && (societe is null || t.Societe == societe)).ToList();
        var total = open.Sum(t => t.Reste);
        return open.GroupBy(t => (t.Societe, t.ClientCategorie, t.Tranche))
            .Select(g => Expected.Make(
                ("Societe", g.Key.Societe), ("ClientCategorie", g.Key.ClientCategorie), ("TrancheAnciennete", g.Key.Tranche),
                ("ResteARecouvrer", g.Sum(t => t.Reste)), ("NombreTitres", g.Count()), ("PartRestes", g.Sum(t => t.Reste) / total)))
            .ToList();
    }

    private static async Task<List<Row>> CancellationsAsync(WarehouseOptions w, int exercice) =>
        (await TitresAsync(w)).Where(t => t.ExerciceAnnulation == exercice && t.Annule > 0)
            .GroupBy(t => (t.Societe, Motif: t.Motif ?? NotAssigned))
            .Select(g => Expected.Make(
                ("Societe", g.Key.Societe), ("MotifAnnulation", g.Key.Motif), ("NombreTitres", g.Count()),
                ("MontantAnnule", g.Sum(t => t.Annule)), ("MontantEmis", g.Sum(t => t.Emis)),
                ("PartAnnulee", g.Sum(t => t.Annule) / g.Sum(t => t.Emis))))
            .ToList();

    private static async Task<List<Row>> ForecastVersusActualAsync(WarehouseOptions w, int exercice)
    {
        var lignes = (await PlainSql.QueryAsync(w, "SELECT code, libelle, budget_code FROM dim_ligne_recette"))
            .ToDictionary(r => r.Text("code")!, r => (Libelle: r.Text("libelle")!, Budget: r.Text("budget_code")!), StringComparer.Ordinal);
        var forecasts = (await PlainSql.QueryAsync(w,
                "SELECT ligne_recette_code, montant_prevision_lfi FROM fact_prevision_recette WHERE exercice = @exercice", ("exercice", exercice)))
            .Select(r => (Ligne: r.Text("ligne_recette_code")!, Prevision: r.Amount("montant_prevision_lfi"), Constate: 0m, Encaisse: 0m));
        var titres = await TitresAsync(w);
        var ligneOfTitre = titres.ToDictionary(t => t.Numero, t => t.Ligne, StringComparer.Ordinal);
        var constate = titres.Where(t => t.Exercice == exercice).Select(t => (t.Ligne, Prevision: 0m, Constate: t.Emis - t.Annule, Encaisse: 0m));
        // A receipt counts on the ligne of its titre, in the exercice it was received.
        var receipts = (await PlainSql.QueryAsync(w,
                "SELECT titre_numero, montant FROM fact_encaissement WHERE exercice = @exercice", ("exercice", exercice)))
            .Select(r => (Ligne: ligneOfTitre[r.Text("titre_numero")!], Prevision: 0m, Constate: 0m, Encaisse: r.Amount("montant")));
        return forecasts.Concat(constate).Concat(receipts)
            .GroupBy(x => x.Ligne, StringComparer.Ordinal)
            .Select(g =>
            {
                var prevision = g.Sum(x => x.Prevision);
                var realise = g.Sum(x => x.Encaisse);
                return Expected.Make(
                    ("LigneRecette", g.Key), ("LigneRecetteLibelle", lignes[g.Key].Libelle), ("Budget", lignes[g.Key].Budget),
                    ("PrevisionLfi", prevision), ("MontantConstate", g.Sum(x => x.Constate)), ("Realise", realise),
                    ("Ecart", realise - prevision), ("TauxRealisation", prevision == 0 ? null : realise / prevision));
            })
            .ToList();
    }

    private static async Task<List<Row>> LeadTimeAsync(WarehouseOptions w, int exercice) =>
        (await TitresAsync(w)).Where(t => t.Exercice == exercice && t.Statut == "Recouvré")
            .GroupBy(t => (t.Societe, t.Nature, t.NatureLibelle))
            .Select(g =>
            {
                var days = g.Select(t => (decimal)(t.DernierEncaissement!.Value.DayNumber - t.Emission.DayNumber)).ToList();
                return Expected.Make(
                    ("Societe", g.Key.Societe), ("NatureRecette", g.Key.Nature), ("NatureRecetteLibelle", g.Key.NatureLibelle),
                    ("DelaiMoyen", days.Average()), ("DelaiMinimum", days.Min()), ("DelaiMaximum", days.Max()),
                    ("NombreTitres", g.Count()), ("MontantRecouvre", g.Sum(t => t.Encaisse)));
            })
            .ToList();

    private static async Task<List<Row>> TopDebtorsAsync(WarehouseOptions w, int exercice)
    {
        var debtors = (await TitresAsync(w)).Where(t => t.Exercice <= exercice)
            .GroupBy(t => (t.Client, t.ClientNom, t.ClientCategorie))
            .Select(g => (g.Key, EmisN: g.Where(t => t.Exercice == exercice).Sum(t => t.Emis), Emis: g.Sum(t => t.Emis), Reste: g.Sum(t => t.Reste)))
            .ToList();
        return debtors.Select(d => Expected.Make(
                ("Client", d.Key.Client), ("ClientNom", d.Key.ClientNom), ("ClientCategorie", d.Key.ClientCategorie),
                ("MontantEmisExercice", d.EmisN), ("MontantEmis", d.Emis), ("ResteARecouvrer", d.Reste),
                ("Rang", 1 + debtors.Count(o => o.Reste > d.Reste))))
            .ToList();
    }

    private static async Task<List<Row>> ByDepartementAsync(WarehouseOptions w, int exercice)
    {
        var receipts = (await PlainSql.QueryAsync(w, """
            SELECT c.departement, e.montant FROM fact_encaissement e JOIN dim_client c ON c.code = e.client_code
            WHERE e.exercice = @exercice
            """, ("exercice", exercice)))
            .GroupBy(r => r.Text("departement") ?? NotAssigned, StringComparer.Ordinal)
            .Select(g => (Departement: g.Key, Montant: g.Sum(r => r.Amount("montant")), Nombre: g.Count()))
            .ToList();
        var total = receipts.Sum(r => r.Montant);
        return receipts.Select(r => Expected.Make(
                ("Departement", r.Departement), ("MontantEncaisse", r.Montant), ("NombreEncaissements", r.Nombre),
                ("Part", r.Montant / total), ("Rang", 1 + receipts.Count(o => o.Montant > r.Montant))))
            .ToList();
    }

    private static async Task<string> FirstSocieteAsync(WarehouseOptions w) =>
        (string)(await PlainSql.ScalarAsync(w, "SELECT MIN(societe_code) FROM fact_titre_perception"))!;

    private static DateOnly? Day(string? isoDate) =>
        isoDate is null ? null : DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
