using Infocentre.Reports.Definitions;

namespace Infocentre.Reports.Tests;

/// <summary>
/// <c>roles</c> in a definition: only known roles other than reader; a source that is not ministry data
/// (ConstatsChargement) needs a report restricted to its roles, without perimeter nor public.
/// </summary>
public sealed class RestrictedDefinitionTests
{
    private const string File = "budget/INF-TST-02.yaml";

    private const string Restricted = """
        code: INF-TST-02
        entitySet: TestConstats
        title: Constats de test
        description: Les constats des chargements, par règle.
        domain: budget
        source: ConstatsChargement
        roles: [loader]
        dimensions:
          - { name: Regle, property: RegleCode, label: Règle, format: text }
        measures:
          - { name: Nombre, aggregate: count, label: Nombre de constats }
        """;

    [Fact]
    public void A_report_on_a_restricted_source_with_its_role_loads()
    {
        using var catalogue = new TempCatalogue((File, Restricted));

        var report = Assert.Single(ReportCatalogue.Load(catalogue.Folder, DefinitionValidationTests.Model).Reports);

        Assert.Equal(["loader"], report.Definition.Roles);
    }

    [Theory]
    [InlineData("roles: [loader]\n", "", "roles")]
    [InlineData("roles: [loader]", "roles: [analyst]", "roles")]
    [InlineData("roles: [loader]", "roles: [reader]", "roles")]
    [InlineData("roles: [loader]", "roles: [chef]", "roles")]
    [InlineData("roles: [loader]", "roles: [loader]\nperimeter: MinistereCode", "perimeter")]
    [InlineData("roles: [loader]", "roles: [loader]\npublic: true", "public")]
    public void A_restricted_source_refuses_a_report_that_would_open_it(string find, string replace, string field)
    {
        using var catalogue = new TempCatalogue((File, Restricted.Replace(find, replace, StringComparison.Ordinal)));

        var e = Assert.Throws<ReportDefinitionException>(() => ReportCatalogue.Load(catalogue.Folder, DefinitionValidationTests.Model));

        Assert.True(e.Errors.Any(x => x.File == File && x.Field == field), string.Join(Environment.NewLine, e.Errors));
    }

    [Fact]
    public void A_ministry_report_may_be_narrowed_to_a_role_but_not_to_an_unknown_one()
    {
        var narrowed = DefinitionValidationTests.Valid.Replace("perimeter: MinistereCode", "perimeter: MinistereCode\nroles: [exporter]", StringComparison.Ordinal);
        using (var catalogue = new TempCatalogue((DefinitionValidationTests.File, narrowed)))
        {
            Assert.Equal(["exporter"], Assert.Single(ReportCatalogue.Load(catalogue.Folder, DefinitionValidationTests.Model).Reports).Definition.Roles);
        }

        using var unknown = new TempCatalogue((DefinitionValidationTests.File, narrowed.Replace("[exporter]", "[chef]", StringComparison.Ordinal)));
        var e = Assert.Throws<ReportDefinitionException>(() => ReportCatalogue.Load(unknown.Folder, DefinitionValidationTests.Model));
        Assert.Contains(e.Errors, x => x.Field == "roles");
    }
}
