using Infocentre.Reports.Parameters;
using Infocentre.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Reports.Tests;

/// <summary>The real reports/ folder: it loads, and every report compiles to SQL on SQLite and PostgreSQL.</summary>
public sealed class CatalogueTests
{
    private static ReportCatalogue Load() => ReportCatalogue.Load(TestPaths.Reports, DefinitionValidationTests.Model);

    /// <summary>A context for SQL generation only: no connection is opened.</summary>
    internal static WarehouseDbContext Context(WarehouseProvider provider) => WarehouseDatabase.CreateContext(provider switch
    {
        WarehouseProvider.PostgreSql => new WarehouseOptions { Provider = provider, ConnectionString = "Host=127.0.0.1;Database=unused;Username=unused" },
        _ => new WarehouseOptions { ConnectionString = "Data Source=:memory:" },
    });

    [Fact]
    public void The_reports_folder_loads_every_definition()
    {
        var catalogue = Load();

        var files = Directory.EnumerateFiles(TestPaths.Reports, "*.yaml", SearchOption.AllDirectories).ToList();
        Assert.Equal(files.Count, catalogue.Reports.Count);
        foreach (var report in catalogue.Reports)
        {
            var d = report.Definition;
            Assert.Equal($"{d.Domain}/{d.Code}.yaml", d.File);
            Assert.Same(report, catalogue.FindByCode(d.Code.ToLowerInvariant()));
            Assert.Same(report, catalogue.FindByEntitySet(d.EntitySet));
            Assert.NotNull(catalogue.Model.EntityContainer.FindEntitySet(d.EntitySet));
            string[] keys = d.Dimensions.Count == 0 ? ["Ligne"] : [.. d.Dimensions.Select(x => x.Name)];
            Assert.Equal(keys, report.KeyProperties);
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public void Every_report_passes_the_self_test(WarehouseProvider provider)
    {
        using var db = Context(provider);

        var errors = Load().SelfTest(db);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>
    /// The self-test binds every parameter; a request may leave the optional ones out ("tous si absent"). Each
    /// report must translate then too: every parameter without default left null, as the binder leaves it.
    /// </summary>
    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public void Every_report_translates_with_its_optional_parameters_left_out(WarehouseProvider provider)
    {
        using var db = Context(provider);
        var catalogue = Load();
        var failures = new List<string>();

        foreach (var report in catalogue.Reports)
        {
            var values = report.Definition.Parameters
                .Where(p => p.Required || p.Default is not null)
                .ToDictionary(p => p.Name, p => Sample(p), StringComparer.Ordinal);
            try
            {
                _ = report.CreateQuery(db, catalogue.Model, new BoundParameters(values)).ToQueryString();
            }
#pragma warning disable CA1031 // Every failure is collected and reported.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"{report.Definition.File}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static object? Sample(Definitions.ParameterDefinition p)
    {
        if (p.Default is null or "latest")
        {
            return 2024;
        }

        ParameterType.TryParse(p.Type, p.Default, out var value, out _);
        return value;
    }
}
