using Infocentre.Reports.Definitions;
using Infocentre.Reports.Parameters;
using Infocentre.Warehouse;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Infocentre.Reports.Tests;

/// <summary>Conditional aggregates (where), share and rank: validation rules and one SQL statement per report.</summary>
public sealed class DerivedMeasureDefinitionTests(ITestOutputHelper output)
{
    private const string File = "depenses/INF-TST-02.yaml";

    private const string Valid = """
        code: INF-TST-02
        entitySet: TestMesuresDerivees
        title: Mesures dérivées
        description: Paiements par fournisseur sur deux exercices, avec part du total et rang.
        domain: depenses
        source: DemandesPaiement
        perimeter: MinistereCode
        parameters:
          - name: exercice
            type: int
            label: Exercice
            required: true
            default: latest
        filter: Exercice ge @exercice sub 1 and Exercice le @exercice
        dimensions:
          - { name: Fournisseur, property: TiersCode, label: Fournisseur, format: text }
        measures:
          - { name: PayeN, aggregate: sum, property: MontantPaye, where: "Exercice eq @exercice", label: Payé N }
          - { name: PayeN1, aggregate: sum, property: MontantPaye, where: "Exercice eq @exercice sub 1", label: Payé N-1 }
          - { name: Evolution, formula: "(PayeN - PayeN1) / PayeN1", label: Évolution, format: "0.0%" }
          - { name: Moins30Jours, aggregate: sum, property: Montant, where: "DelaiPaiementJours le 30", label: ≤ 30 jours }
          - { name: NombreDpPayees, aggregate: countdistinct, property: DpNumero, where: "Statut eq 'PAY'", label: DP payées }
          - { name: NombreLignesPayees, aggregate: count, where: "Statut eq 'PAY'", label: Lignes payées }
          - { name: Part, aggregate: share, of: PayeN, label: Part du total, format: "0.0%" }
          - { name: Rang, aggregate: rank, of: PayeN, label: Rang }
          - { name: RangEvolution, aggregate: rank, of: Evolution, label: Rang de l'évolution }
          - { name: PartPourCent, formula: Part * 100, label: Part (%) }
        orderBy: [Rang]
        """;

    private static string Broken(string find, string replace)
    {
        Assert.True(Valid.Contains(find, StringComparison.Ordinal), $"'{find}' is not in the valid definition");
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    private static ReportCatalogue Load(TempCatalogue folder) => ReportCatalogue.Load(folder.Folder, DefinitionValidationTests.Model);

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public void Every_derived_kind_compiles_to_one_statement(WarehouseProvider provider)
    {
        using var folder = new TempCatalogue((File, Valid));
        var catalogue = Load(folder);
        using var db = CatalogueTests.Context(provider);
        Assert.Empty(catalogue.SelfTest(db));

        var report = Assert.Single(catalogue.Reports);
        var sql = report.CreateQuery(db, catalogue.Model, new BoundParameters(new Dictionary<string, object?> { ["exercice"] = 2024 })).ToQueryString();

        output.WriteLine(sql);

        // One SELECT statement: parameters declarations aside, no second statement.
        var statement = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal) && !l.StartsWith(".param", StringComparison.Ordinal)));
        Assert.DoesNotContain(";", statement, StringComparison.Ordinal);
        // Conditional aggregates: CASE inside the aggregate, or PostgreSQL's FILTER (WHERE ...).
        Assert.Contains("COUNT(DISTINCT", statement, StringComparison.OrdinalIgnoreCase);
        Assert.True(statement.Contains("THEN \"v0\".\"montant_paye\"", StringComparison.Ordinal) || statement.Contains("FILTER (WHERE", StringComparison.Ordinal), statement);
        Assert.Contains("RANK() OVER (ORDER BY (-", statement, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", statement, StringComparison.Ordinal);
        // 2024 and 2024 - 1 both reach the SQL, bound from the one parameter.
        Assert.Contains("2024", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public void A_report_without_dimensions_has_a_share_of_one_and_a_rank_of_one(WarehouseProvider provider)
    {
        var yaml = Valid.Replace("dimensions:\n  - { name: Fournisseur, property: TiersCode, label: Fournisseur, format: text }\n", "", StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);
        using var folder = new TempCatalogue((File, yaml));
        var catalogue = Load(folder);
        using var db = CatalogueTests.Context(provider);

        Assert.Empty(catalogue.SelfTest(db));
    }

    /// <summary>What is broken, the text replaced, its replacement, the field the error must name.</summary>
    public static TheoryData<string, string, string, string> BrokenFields() => new()
    {
        { "where on an unknown parameter", "where: \"Exercice eq @exercice\"", "where: \"Exercice eq @exercise\"", "measures[0].where" },
        { "where on a formula", "formula: Part * 100,", "formula: Part * 100, where: \"Statut eq 'PAY'\",", "measures[9].where" },
        { "where on a share", "aggregate: share, of: PayeN,", "aggregate: share, of: PayeN, where: \"Statut eq 'PAY'\",", "measures[6].where" },
        { "where on a rank", "aggregate: rank, of: PayeN,", "aggregate: rank, of: PayeN, where: \"Statut eq 'PAY'\",", "measures[7].where" },
        { "share without of", "aggregate: share, of: PayeN,", "aggregate: share,", "measures[6].of" },
        { "rank of an unknown measure", "aggregate: rank, of: PayeN,", "aggregate: rank, of: Inconnue,", "measures[7].of" },
        { "share of a later measure", "aggregate: share, of: PayeN,", "aggregate: share, of: Rang,", "measures[6].of" },
        { "rank of a share", "aggregate: rank, of: PayeN,", "aggregate: rank, of: Part,", "measures[7].of" },
        { "share of a formula using a rank", "{ name: PartPourCent, formula: Part * 100, label: Part (%) }", "{ name: PartPourCent, formula: Rang * 100, label: Part (%) }\n  - { name: X, aggregate: share, of: PartPourCent, label: X }", "measures[10].of" },
        { "share of a distinct count", "aggregate: share, of: PayeN,", "aggregate: share, of: NombreDpPayees,", "measures[6].of" },
        { "share of a ratio", "aggregate: share, of: PayeN,", "aggregate: share, of: Evolution,", "measures[6].of" },
        { "share of a formula with a constant", "{ name: PartPourCent, formula: Part * 100, label: Part (%) }", "{ name: PartPourCent, formula: Part * 100, label: Part (%) }\n  - { name: PayePlusUn, formula: PayeN + 1, label: X }\n  - { name: X, aggregate: share, of: PayePlusUn, label: X }", "measures[11].of" },
        { "share with a property", "aggregate: share, of: PayeN,", "aggregate: share, of: PayeN, property: MontantPaye,", "measures[6].property" },
        { "of on a sum", "aggregate: sum, property: Montant,", "aggregate: sum, property: Montant, of: PayeN,", "measures[3].of" },
        { "unknown aggregate", "aggregate: rank, of: PayeN,", "aggregate: dense, of: PayeN,", "measures[7].aggregate" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void A_broken_derived_measure_is_named_with_its_file_and_field(string what, string find, string replace, string field)
    {
        _ = what;
        using var folder = new TempCatalogue((File, Broken(find, replace)));

        var e = Assert.Throws<ReportDefinitionException>(() => ReportCatalogue.Load(folder.Folder, DefinitionValidationTests.Model));

        Assert.True(e.Errors.Any(x => x.File == File && x.Field == field),
            $"no error on {field}; errors:{Environment.NewLine}{string.Join(Environment.NewLine, e.Errors)}");
    }

    /// <summary>Column and type mistakes in a 'where' are found when the condition is bound, by the self-test.</summary>
    [Theory]
    [InlineData("where: \"DelaiPaiementJours le 30\"", "where: \"Inexistante le 30\"", "Inexistante")]
    [InlineData("where: \"DelaiPaiementJours le 30\"", "where: \"Statut le 30\"", "")]
    [InlineData("where: \"DelaiPaiementJours le 30\"", "where: \"DelaiPaiementJours\"", "")]
    public void A_where_the_binder_rejects_fails_the_self_test_naming_the_measure(string find, string replace, string mentioned)
    {
        using var folder = new TempCatalogue((File, Broken(find, replace)));
        var catalogue = ReportCatalogue.Load(folder.Folder, DefinitionValidationTests.Model);
        using var db = CatalogueTests.Context(WarehouseProvider.Sqlite);

        var error = Assert.Single(catalogue.SelfTest(db));

        Assert.Equal(File, error.File);
        Assert.Equal("measures[3].where", error.Field);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }
}
