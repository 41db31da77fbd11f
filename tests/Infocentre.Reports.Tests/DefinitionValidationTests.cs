using Infocentre.Reports.Definitions;
using Infocentre.Warehouse;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Infocentre.Reports.Tests;

/// <summary>
/// A bad definition stops the catalogue from loading with a <see cref="ReportDefinitionException"/> whose errors
/// name the file and the field, whatever the mistake: one valid definition, broken one way at a time.
/// </summary>
public sealed class DefinitionValidationTests
{
    public const string File = "budget/INF-TST-01.yaml";

    public const string Valid = """
        code: INF-TST-01
        entitySet: TestRapport
        title: Rapport de test
        description: Un rapport valide, que chaque cas casse d'une seule façon.
        domain: budget
        source: ExecutionBudgetaire
        perimeter: MinistereCode
        parameters:
          - name: exercice
            type: int
            label: Exercice
            description: Exercice (par défaut le dernier chargé).
            required: true
            default: latest
          - name: seuil
            type: decimal
            label: Seuil
            default: "0"
          - name: programme
            type: string
            label: Programme
            valuesFrom: ProgrammeCode
          - name: source
            type: string
            label: Source
            values: [EJ, SF, DP]
        filter: Exercice eq @exercice and MontantPaye ge @seuil and (@programme eq null or ProgrammeCode eq @programme) and (@source eq null or Source eq @source)
        dimensions:
          - { name: Programme, property: ProgrammeCode, label: Programme, format: text }
          - { name: Centre, property: CentreFinancierCode, label: Centre financier, format: text }
        measures:
          - { name: Paye, aggregate: sum, property: MontantPaye, label: Payé }
          - { name: Engage, aggregate: sum, property: MontantEngage, label: Engagé }
          - { name: Solde, formula: Engage - Paye, label: Solde }
          - { name: NombreEj, aggregate: countdistinct, property: EjNumero, label: Nombre d'EJ }
        orderBy: [Programme, Centre desc]
        """;

    internal static IModel Model { get; } = DesignModel();

    private static IModel DesignModel()
    {
        using var db = WarehouseDatabase.CreateContext(new WarehouseOptions { ConnectionString = "Data Source=:memory:" });
        return db.Model;
    }

    internal static string Broken(string find, string replace)
    {
        Assert.True(Valid.Contains(find, StringComparison.Ordinal), $"'{find}' is not in the valid definition");
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    private static ReportDefinitionException LoadFails(params (string Path, string Yaml)[] files)
    {
        using var catalogue = new TempCatalogue(files);
        var thrown = Record.Exception(() => ReportCatalogue.Load(catalogue.Folder, Model));
        Assert.True(thrown is ReportDefinitionException, $"expected a ReportDefinitionException, got {thrown?.GetType().Name ?? "no exception"}: {thrown}");
        return (ReportDefinitionException)thrown!;
    }

    private static void AssertNames(ReportDefinitionException e, string file, string field)
    {
        Assert.True(e.Errors.Any(x => x.File == file && x.Field == field),
            $"no error on {file}, field {field}; errors:{Environment.NewLine}{string.Join(Environment.NewLine, e.Errors)}");
        Assert.Contains($"{file}: {field}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_definition_loads()
    {
        using var catalogue = new TempCatalogue((File, Valid));

        var loaded = ReportCatalogue.Load(catalogue.Folder, Model);

        var report = Assert.Single(loaded.Reports);
        Assert.Equal("INF-TST-01", report.Definition.Code);
        Assert.Equal(File, report.Definition.File);
        Assert.Equal(["Programme", "Centre"], report.KeyProperties);
    }

    /// <summary>What is broken, the text replaced, its replacement, the field the error must name.</summary>
    public static TheoryData<string, string, string, string> BrokenFields() => new()
    {
        { "unknown source", "source: ExecutionBudgetaire", "source: Inexistante", "source" },
        { "bad code", "code: INF-TST-01", "code: TST-1", "code" },
        { "lower-case code", "code: INF-TST-01", "code: inf-tst-01", "code" },
        { "code is not the file name", "code: INF-TST-01", "code: INF-TST-02", "code" },
        { "file in another domain's folder", "domain: budget", "domain: depenses", "domain" },
        { "unknown domain", "domain: budget", "domain: finances", "domain" },
        { "bad entity set name", "entitySet: TestRapport", "entitySet: test-rapport", "entitySet" },
        { "entity set of a source", "entitySet: TestRapport", "entitySet: Credits", "entitySet" },
        { "missing title", "title: Rapport de test", "title: ''", "title" },
        { "missing description", "description: Un rapport valide, que chaque cas casse d'une seule façon.", "description: ' '", "description" },
        { "unknown dimension property", "property: ProgrammeCode, label: Programme,", "property: Inexistante, label: Programme,", "dimensions[0].property" },
        { "dimension without label", "label: Centre financier,", "label: '',", "dimensions[1].label" },
        { "unknown measure property", "property: MontantPaye", "property: Inexistante", "measures[0].property" },
        { "sum of a text column", "aggregate: sum, property: MontantPaye", "aggregate: sum, property: ProgrammeLibelle", "measures[0].property" },
        { "average of a text column", "aggregate: sum, property: MontantPaye", "aggregate: average, property: TiersCode", "measures[0].property" },
        { "unknown aggregate", "aggregate: sum, property: MontantPaye", "aggregate: median, property: MontantPaye", "measures[0].aggregate" },
        { "measure without aggregate or formula", "aggregate: sum, property: MontantPaye, ", "property: MontantPaye, ", "measures[0].aggregate" },
        { "formula cut short", "formula: Engage - Paye", "formula: Engage -", "measures[2].formula" },
        { "formula with an unknown character", "formula: Engage - Paye", "formula: Engage - $Paye", "measures[2].formula" },
        { "formula with an unbalanced parenthesis", "formula: Engage - Paye", "formula: (Engage - Paye", "measures[2].formula" },
        { "formula with a malformed number", "formula: Engage - Paye", "formula: Engage * 1.2.3", "measures[2].formula" },
        { "formula on an unknown measure", "formula: Engage - Paye", "formula: Engage - Inconnue", "measures[2].formula" },
        { "formula on itself", "formula: Engage - Paye", "formula: Engage - Solde", "measures[2].formula" },
        { "formula on a later measure", "formula: Engage - Paye", "formula: Engage - NombreEj", "measures[2].formula" },
        { "formula on a dimension", "formula: Engage - Paye", "formula: Engage - Programme", "measures[2].formula" },
        { "formula with an aggregate", "formula: Engage - Paye,", "formula: Engage - Paye, aggregate: sum,", "measures[2].formula" },
        { "unknown parameter type", "    type: int\n", "    type: integer\n", "parameters[0].type" },
        { "default not of the type", "default: \"0\"", "default: zero", "parameters[1].default" },
        { "latest on a decimal", "default: \"0\"", "default: latest", "parameters[1].default" },
        { "value not of the type", "    type: string\n    label: Source", "    type: int\n    label: Source", "parameters[3].values" },
        { "values from an unknown column", "valuesFrom: ProgrammeCode", "valuesFrom: Inexistante", "parameters[2].valuesFrom" },
        { "parameter name not camelCase", "name: seuil", "name: Seuil", "parameters[1].name" },
        { "parameter without label", "    label: Seuil\n", "    label: ''\n", "parameters[1].label" },
        { "parameter declared twice", "name: programme", "name: seuil", "parameters[2].name" },
        { "dimension declared twice", "name: Centre, property: CentreFinancierCode", "name: Programme, property: CentreFinancierCode", "dimensions[1].name" },
        { "measure named like a dimension", "name: Paye,", "name: Programme,", "measures[0].name" },
        { "measure named Ligne", "name: Paye,", "name: Ligne,", "measures[0].name" },
        { "column name not PascalCase", "name: Paye,", "name: paye_total,", "measures[0].name" },
        { "missing perimeter", "perimeter: MinistereCode\n", "", "perimeter" },
        { "wrong perimeter", "perimeter: MinistereCode", "perimeter: ProgrammeCode", "perimeter" },
        { "public report on ministries' rows", "perimeter: MinistereCode", "public: true", "public" },
        { "orderBy on an unknown column", "orderBy: [Programme, Centre desc]", "orderBy: [Programme, Inconnue]", "orderBy[1]" },
        { "orderBy with a bad direction", "orderBy: [Programme, Centre desc]", "orderBy: [Programme sideways]", "orderBy[0]" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void A_broken_field_is_named_with_its_file(string what, string find, string replace, string field)
    {
        _ = what;
        var e = LoadFails((File, Broken(find, replace)));

        AssertNames(e, File, field);
    }

    [Fact]
    public void No_measures_is_an_error()
    {
        var yaml = Valid[..Valid.IndexOf("measures:", StringComparison.Ordinal)] + "measures: []\norderBy: [Programme]\n";

        AssertNames(LoadFails((File, yaml)), File, "measures");
    }

    [Fact]
    public void A_referential_report_must_say_it_is_public()
    {
        var yaml = Broken("source: ExecutionBudgetaire", "source: Programmes")
            .Replace("perimeter: MinistereCode\n", "", StringComparison.Ordinal);

        AssertNames(LoadFails((File, yaml)), File, "public");
    }

    /// <summary>Trailing text after a complete formula, and a number too large for a decimal.</summary>
    [Theory]
    [InlineData("formula: Engage - Paye)")]
    [InlineData("formula: Engage Paye")]
    [InlineData("formula: Engage - Paye * 2 3")]
    [InlineData("formula: Engage / 99999999999999999999999999999999")]
    public void A_formula_the_compiler_would_reject_is_a_definition_error(string formula)
    {
        var e = LoadFails((File, Broken("formula: Engage - Paye", formula)));

        AssertNames(e, File, "measures[2].formula");
    }

    [Fact]
    public void Every_error_of_every_file_is_reported_at_once()
    {
        var first = Broken("source: ExecutionBudgetaire", "source: Inexistante");
        var second = Broken("code: INF-TST-01", "code: INF-TST-02")
            .Replace("entitySet: TestRapport", "entitySet: TestRapportDeux", StringComparison.Ordinal)
            .Replace("orderBy: [Programme, Centre desc]", "orderBy: [Inconnue]", StringComparison.Ordinal)
            .Replace("    type: int\n", "    type: entier\n", StringComparison.Ordinal);

        var e = LoadFails((File, first), ("budget/INF-TST-02.yaml", second));

        AssertNames(e, File, "source");
        AssertNames(e, "budget/INF-TST-02.yaml", "orderBy[0]");
        AssertNames(e, "budget/INF-TST-02.yaml", "parameters[0].type");
    }

    [Theory]
    [InlineData("TestRapport")]
    [InlineData("TESTRAPPORT")]
    public void Two_reports_with_one_entity_set_are_an_error(string secondEntitySet)
    {
        var second = Broken("code: INF-TST-01", "code: INF-TST-02").Replace("entitySet: TestRapport", "entitySet: " + secondEntitySet, StringComparison.Ordinal);

        var e = LoadFails((File, Valid), ("budget/INF-TST-02.yaml", second));

        AssertNames(e, "budget/INF-TST-02.yaml", "entitySet");
    }

    [Fact]
    public void Two_files_with_one_code_are_an_error()
    {
        var inDepenses = Valid.Replace("domain: budget", "domain: depenses", StringComparison.Ordinal)
            .Replace("entitySet: TestRapport", "entitySet: TestRapportDeux", StringComparison.Ordinal);

        var e = LoadFails((File, Valid), ("depenses/INF-TST-01.yaml", inDepenses));

        Assert.Contains(e.Errors, x => x.Field == "code" && x.Message.Contains("also used", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entity_set_differing_from_a_source_only_by_case_is_an_error()
    {
        // Report entity sets are compared without case among themselves; a source name must be too.
        var e = LoadFails((File, Broken("entitySet: TestRapport", "entitySet: CREDITS")));

        AssertNames(e, File, "entitySet");
    }

    [Fact]
    public void A_yaml_syntax_error_names_the_file_line_and_column()
    {
        var e = LoadFails((File, Broken("orderBy: [Programme, Centre desc]", "orderBy: [Programme, Centre desc")));

        var error = Assert.Single(e.Errors);
        Assert.Equal(File, error.File);
        Assert.Matches(@"^line \d+, column \d+$", error.Field);
    }

    [Theory]
    [InlineData("title: Rapport de test", "title: Rapport de test\ncouleur: rouge", "couleur")]
    [InlineData("label: Centre financier,", "label: Centre financier, colonne: 3,", "colonne")]
    [InlineData("    valuesFrom: ProgrammeCode", "    valuesFrom: ProgrammeCode\n    obligatoire: true", "obligatoire")]
    public void An_unknown_yaml_key_is_an_error_naming_it(string find, string replace, string key)
    {
        var e = LoadFails((File, Broken(find, replace)));

        var error = Assert.Single(e.Errors);
        Assert.Equal(File, error.File);
        Assert.Matches(@"^line \d+, column \d+$", error.Field);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_yaml_type_is_an_error()
    {
        var e = LoadFails((File, Broken("required: true", "required: peut-etre")));

        var error = Assert.Single(e.Errors);
        Assert.Equal(File, error.File);
        Assert.StartsWith("line ", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_an_error_naming_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "infocentre-missing-" + Guid.NewGuid().ToString("N"));

        var e = Assert.Throws<ReportDefinitionException>(() => ReportCatalogue.Load(folder, Model));

        Assert.Contains(e.Errors, x => x.File == folder);
    }

    [Fact]
    public void A_filter_naming_an_undeclared_parameter_is_an_error()
    {
        // A misspelt alias binds as null and silently turns the parameter off.
        var e = LoadFails((File, Broken("ProgrammeCode eq @programme", "ProgrammeCode eq @programe")));

        AssertNames(e, File, "filter");
    }

    [Fact]
    public void A_filter_on_an_unknown_column_fails_the_self_test_naming_the_file()
    {
        using var catalogue = new TempCatalogue((File, Broken("MontantPaye ge @seuil", "Inexistante ge @seuil")));
        using var db = WarehouseDatabase.CreateContext(new WarehouseOptions { ConnectionString = "Data Source=:memory:" });

        var errors = ReportCatalogue.Load(catalogue.Folder, Model).SelfTest(db);

        var error = Assert.Single(errors);
        Assert.Equal(File, error.File);
        Assert.Contains("filter", error.Field, StringComparison.Ordinal);
        Assert.Contains("Inexistante", error.Message, StringComparison.Ordinal);
    }
}
