using System.Collections;
using System.Globalization;
using Infocentre.Reports.Compilation;
using Infocentre.Reports.Parameters;
using Infocentre.TestSupport;
using Infocentre.Warehouse;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Infocentre.Reports.Tests;

/// <summary>
/// Formulas are computed in SQL on the aggregated values: arithmetic as written, and a division by zero gives an
/// empty cell (null), not an error, on both engines (run on the tiny demo data).
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class MeasureFormulaTests(TinyWarehouses databases)
{
    private const string Yaml = """
        code: INF-BUD-97
        entitySet: TestFormules
        title: Test des formules
        description: Divisions par zéro et arithmétique des formules, par programme.
        domain: budget
        source: ExecutionBudgetaire
        perimeter: MinistereCode
        parameters:
          - { name: exercice, type: int, label: Exercice, required: true }
        filter: Exercice eq @exercice
        dimensions:
          - { name: Programme, property: ProgrammeCode, label: Programme }
        measures:
          - { name: Paye, aggregate: sum, property: MontantPaye, label: Payé }
          - { name: Bascule, aggregate: sum, property: MontantBascule, label: Bascule }
          - { name: Lignes, aggregate: count, label: Lignes }
          - { name: ParZero, formula: Paye / 0, label: Divisé par zéro }
          - { name: ParDifferenceNulle, formula: Paye / (Bascule - Bascule), label: Divisé par une différence nulle }
          - { name: ParBascule, formula: Paye / Bascule, label: Divisé par la bascule }
          - { name: Arithmetique, formula: -(Paye + Bascule) * 1.5 - Lignes / 4, label: Arithmétique }
        orderBy: [Programme]
        """;

    private sealed record Result(string Programme, decimal Paye, decimal Bascule, long Lignes, decimal? ParZero, decimal? ParDifferenceNulle, decimal? ParBascule, decimal? Arithmetique);

    private static List<Result> Run(WarehouseOptions options, int exercice)
    {
        using var catalogue = new TempCatalogue(("budget/INF-BUD-97.yaml", Yaml));
        var loaded = ReportCatalogue.Load(catalogue.Folder, DefinitionValidationTests.Model);
        var report = loaded.FindByCode("INF-BUD-97")!;
        using var db = WarehouseDatabase.CreateContext(options);
        var query = report.CreateQuery(db, loaded.Model, new BoundParameters(new Dictionary<string, object?> { ["exercice"] = exercice }));
        var results = new List<Result>();
        foreach (var row in (IEnumerable)query)
        {
            object? Get(string name) => report.RowType.GetProperty(name)!.GetValue(row);
            results.Add(new Result((string)Get("Programme")!, (decimal)Get("Paye")!, (decimal)Get("Bascule")!, (long)Get("Lignes")!,
                (decimal?)Get("ParZero"), (decimal?)Get("ParDifferenceNulle"), (decimal?)Get("ParBascule"), (decimal?)Get("Arithmetique")));
        }

        return results;
    }

    /// <summary>Σ montant of paid DP lines per programme, by plain SQL (amounts parsed in C#: SQLite keeps them as TEXT).</summary>
    private static Dictionary<string, decimal> PaidByProgramme(WarehouseOptions options, int exercice)
    {
        using System.Data.Common.DbConnection connection = options.Provider == WarehouseProvider.Sqlite
            ? new SqliteConnection(options.ConnectionString)
            : new NpgsqlConnection(options.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT programme_code, montant FROM fact_demande_paiement WHERE statut = 'PAY' AND exercice = " + exercice.ToString(CultureInfo.InvariantCulture);
        using var reader = command.ExecuteReader();
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var amount = reader.GetValue(1) is string s ? decimal.Parse(s, CultureInfo.InvariantCulture) : Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture);
            sums[reader.GetString(0)] = sums.GetValueOrDefault(reader.GetString(0)) + amount;
        }

        return sums;
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public void Division_by_zero_gives_null_and_other_arithmetic_is_exact(WarehouseProvider provider)
    {
        var options = databases.For(provider);
        foreach (var exercice in new[] { 2023, 2024 })
        {
            var rows = Run(options, exercice);
            var paid = PaidByProgramme(options, exercice);

            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                Assert.Equal(paid.GetValueOrDefault(row.Programme), row.Paye);
                Assert.Null(row.ParZero);
                Assert.Null(row.ParDifferenceNulle);
                if (row.Bascule == 0)
                {
                    Assert.Null(row.ParBascule);
                }
                else
                {
                    Assert.NotNull(row.ParBascule);
                    Assert.True(Math.Abs(row.Paye / row.Bascule - row.ParBascule!.Value) < 0.000001m, $"{row.Paye} / {row.Bascule} = {row.ParBascule}");
                }

                var arithmetic = -(row.Paye + row.Bascule) * 1.5m - row.Lignes / 4m;
                Assert.True(Math.Abs(arithmetic - row.Arithmetique!.Value) < 0.000001m, $"{row.Programme}: expected {arithmetic}, found {row.Arithmetique}");
            }
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public void Both_cases_of_the_division_occur_in_the_data(WarehouseProvider provider)
    {
        // 2023 has no bascule (first exercice of the data set), 2024 has some: both branches are exercised.
        var options = databases.For(provider);

        Assert.All(Run(options, 2023), r => Assert.Equal(0m, r.Bascule));
        Assert.Contains(Run(options, 2024), r => r.Bascule != 0);
    }
}
