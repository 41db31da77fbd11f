using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>
/// Subsidy reports against plain SQL over the fact and dimension tables (never the reporting views), grouped and
/// derived in C# here: default parameters and one other value each, on SQLite and PostgreSQL.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class SubventionsGoldenTests(TinyWarehouses warehouses)
{
    private const string NotAssigned = Expected.NotAssigned;

    public static TheoryData<WarehouseProvider, bool> Engines()
    {
        var data = new TheoryData<WarehouseProvider, bool>();
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            data.Add(provider, false);
            data.Add(provider, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Subsidies_per_association_siren(WarehouseProvider provider, bool earlierExercice)
    {
        var (app, latest) = await AppAsync(provider);
        var exercice = earlierExercice ? latest - 1 : latest;
        const string branche = "Z039";
        var expected = (await SubsidyData.PaymentsAsync(app.Warehouse))
            .Where(p => p.Exercice == exercice && p.Branche == branche)
            .GroupBy(p => (Siren: p.Siren ?? NotAssigned, Nom: p.Nom ?? NotAssigned, Rna: p.Rna ?? NotAssigned))
            .Select(g => Expected.Make(
                ("Siren", g.Key.Siren), ("Beneficiaire", g.Key.Nom), ("Rna", g.Key.Rna), ("MontantPaye", g.Sum(p => p.Montant)),
                ("NombreEj", Distinct(g.Select(p => p.Ej))), ("NombreProgrammes", Distinct(g.Select(p => p.Programme))),
                ("NombreEtablissements", Distinct(g.Select(p => p.Siret)))))
            .ToList();
        Assert.NotEmpty(expected);

        var query = earlierExercice ? $"&exercice={exercice.Invariant()}" : "";
        await AssertReportAsync(app, "INF-SUB-02", query, expected, ["Siren", "Beneficiaire", "Rna"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Subsidy_ej_committed_paid_remaining_and_payment_rate(WarehouseProvider provider, bool withProgramme)
    {
        var (app, latest) = await AppAsync(provider);
        var lines = await SubsidyData.ExecutionLinesAsync(app.Warehouse, latest);
        var programme = lines.Select(l => l.Programme).Order(StringComparer.Ordinal).First();
        var expected = lines
            .Where(l => !withProgramme || l.Programme == programme)
            .GroupBy(l => (Ej: l.Ej, Siret: l.Siret ?? NotAssigned, Nom: l.Nom ?? NotAssigned, l.Programme))
            .Select(g =>
            {
                var engage = g.Sum(l => l.Engage);
                var paye = g.Sum(l => l.Paye);
                return Expected.Make(
                    ("NumeroEj", g.Key.Ej), ("Siret", g.Key.Siret), ("Beneficiaire", g.Key.Nom), ("Programme", g.Key.Programme),
                    ("MontantEngage", engage), ("MontantBascule", g.Sum(l => l.Bascule)), ("MontantPaye", paye),
                    ("ResteAPayer", engage - paye), ("TauxPaiement", engage == 0 ? null : paye / engage));
            })
            .ToList();
        Assert.NotEmpty(expected);

        await AssertReportAsync(app, "INF-SUB-08", withProgramme ? "&programme=" + programme : "", expected,
            ["NumeroEj", "Siret", "Beneficiaire", "Programme"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Multi_year_agreements_planned_paid_gap_and_rate(WarehouseProvider provider, bool earlierExercice)
    {
        var (app, latest) = await AppAsync(provider);
        var exercice = earlierExercice ? latest - 1 : latest;
        var applications = (await SubsidyData.ApplicationsAsync(app.Warehouse))
            .Where(a => a.Ej is not null && a.Fin > a.Debut && a.Debut <= exercice && a.Fin >= exercice)
            .ToDictionary(a => a.Ej!, StringComparer.Ordinal);
        var installments = await SubsidyData.InstallmentsAsync(app.Warehouse);
        var payments = await SubsidyData.PaymentsAsync(app.Warehouse);
        var lines = applications.Values.Select(a => (a.Ej!, Annee: a.Exercice, Accorde: a.Accorde, Prevu: 0m, Verse: 0m))
            .Concat(installments.Where(e => applications.ContainsKey(e.Ej)).Select(e => (e.Ej, Annee: e.Exercice, Accorde: 0m, Prevu: e.Prevu, Verse: 0m)))
            .Concat(payments.Where(p => p.TypeEj == "ZSUB" && p.Ej is not null && applications.ContainsKey(p.Ej))
                .Select(p => (p.Ej!, Annee: p.Exercice, Accorde: 0m, Prevu: 0m, Verse: p.Montant)));
        var expected = lines
            .GroupBy(l => (Ej: l.Item1, l.Annee))
            .Select(g =>
            {
                var a = applications[g.Key.Ej];
                var prevu = g.Sum(l => l.Prevu);
                var verse = g.Sum(l => l.Verse);
                return Expected.Make(
                    ("NumeroEj", g.Key.Ej), ("Siret", a.Siret ?? NotAssigned), ("Beneficiaire", a.Nom ?? NotAssigned), ("Objet", a.Objet),
                    ("AnneeDebut", a.Debut), ("AnneeFin", a.Fin), ("Annee", g.Key.Annee), ("MontantAccorde", g.Sum(l => l.Accorde)),
                    ("MontantPrevu", prevu), ("MontantVerse", verse), ("Ecart", verse - prevu), ("TauxRealisation", prevu == 0 ? null : verse / prevu));
            })
            .ToList();
        Assert.NotEmpty(expected);

        await AssertReportAsync(app, "INF-SUB-09", earlierExercice ? "&exercice=" + exercice.Invariant() : "", expected, ["NumeroEj", "Annee"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Applications_reconciled_with_payments_by_ej(WarehouseProvider provider, bool grantedOnly)
    {
        var (app, latest) = await AppAsync(provider);
        var applications = (await SubsidyData.ApplicationsAsync(app.Warehouse))
            .Where(a => a.Exercice == latest && (!grantedOnly || a.Statut == "Accordé"))
            .ToList();
        var paidByEj = (await SubsidyData.PaymentsAsync(app.Warehouse))
            .Where(p => p.TypeEj == "ZSUB" && p.Ej is not null)
            .GroupBy(p => p.Ej!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Montant), StringComparer.Ordinal);
        var expected = applications.Select(a =>
        {
            var verse = a.Ej is null ? 0m : paidByEj.GetValueOrDefault(a.Ej);
            return Expected.Make(
                ("Siret", a.Siret ?? NotAssigned), ("Beneficiaire", a.Nom ?? NotAssigned), ("NumeroEj", a.Ej ?? NotAssigned),
                ("Demande", a.Numero), ("Dispositif", a.Activite), ("DispositifLibelle", a.ActiviteLibelle ?? NotAssigned),
                ("SourceDemande", a.Source), ("Statut", a.Statut), ("MontantDemande", a.Demande), ("MontantAccorde", a.Accorde),
                ("MontantVerse", verse), ("TauxVersement", a.Accorde == 0 ? null : verse / a.Accorde));
        }).ToList();
        Assert.NotEmpty(expected);

        await AssertReportAsync(app, "INF-SUB-14", grantedOnly ? "&statut=" + Uri.EscapeDataString("Accordé") : "", expected, ["Demande"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Beneficiaries_without_siret(WarehouseProvider provider, bool ridetOnly)
    {
        var (app, latest) = await AppAsync(provider);
        var expected = (await SubsidyData.PaymentsAsync(app.Warehouse))
            .Where(p => p.Exercice == latest && p.IdentifiantType != "SIRET" && (!ridetOnly || p.IdentifiantType == "RIDET"))
            .GroupBy(p => (p.IdentifiantType, Id: p.RidetTahiti ?? NotAssigned, p.Tiers, Nom: p.Nom ?? NotAssigned, p.Societe))
            .Select(g => Expected.Make(
                ("TypeIdentifiant", g.Key.IdentifiantType), ("Identifiant", g.Key.Id), ("Tiers", g.Key.Tiers), ("Beneficiaire", g.Key.Nom),
                ("Societe", g.Key.Societe), ("MontantPaye", g.Sum(p => p.Montant)), ("NombreDp", Distinct(g.Select(p => p.Dp)))))
            .ToList();
        Assert.NotEmpty(expected);
        Assert.All(expected.Where(r => r.Text("TypeIdentifiant") is "RIDET" or "TAHITI"), r => Assert.NotEqual(NotAssigned, r.Text("Identifiant")));

        await AssertReportAsync(app, "INF-SUB-11", ridetOnly ? "&type=RIDET" : "", expected, ["TypeIdentifiant", "Identifiant", "Tiers", "Beneficiaire", "Societe"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Five_year_history_of_associations(WarehouseProvider provider, bool oneSiren)
    {
        var (app, latest) = await AppAsync(provider);
        var lines = (await SubsidyData.PaymentsAsync(app.Warehouse))
            .Where(p => p.Branche == "Z039" && p.Exercice >= latest - 4 && p.Exercice <= latest)
            .ToList();
        var siren = lines.Where(p => p.Siren is not null).Select(p => p.Siren!).Order(StringComparer.Ordinal).First();
        var expected = lines
            .Where(p => !oneSiren || p.Siren == siren)
            .GroupBy(p => (Siren: p.Siren ?? NotAssigned, Nom: p.Nom ?? NotAssigned, p.Exercice))
            .Select(g => Expected.Make(
                ("Siren", g.Key.Siren), ("Beneficiaire", g.Key.Nom), ("Exercice", g.Key.Exercice), ("MontantPaye", g.Sum(p => p.Montant)),
                ("NombreEj", Distinct(g.Select(p => p.Ej))), ("NombreProgrammes", Distinct(g.Select(p => p.Programme)))))
            .ToList();
        Assert.NotEmpty(expected);

        await AssertReportAsync(app, "INF-SUB-16", oneSiren ? "&siren=" + siren : "", expected, ["Siren", "Beneficiaire", "Exercice"]);
    }

    private static int Distinct(IEnumerable<string?> values) => values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Count();

    private async Task<(RunningApp App, int Latest)> AppAsync(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = (await SubsidyData.PaymentsAsync(app.Warehouse)).Max(p => p.Exercice);
        return (app, latest);
    }

    private static async Task AssertReportAsync(RunningApp app, string code, string query, List<Row> expected, string[] keys)
    {
        var response = await app.Client.GetOkAsync($"/api/reports/{code}/rows?top=100000{query}");
        Rows.AssertSameSet(expected, Rows.From(response.Json.GetProperty("rows")), keys, $"{code}{query} on {app.Warehouse.Provider}");
    }
}
