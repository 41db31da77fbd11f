using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Infocentre.Warehouse;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Infocentre.Api.Tests.Security.Support;

public enum PerimeterKind
{
    /// <summary>Interministerial: every row.</summary>
    All,

    /// <summary>Some ministries, optionally narrowed to programmes.</summary>
    Ministries,

    /// <summary>A reader with neither a ministry claim nor the interministerial one.</summary>
    Nothing,
}

/// <summary>The perimeter a test token carries, and the restriction the independent SQL applies for it.</summary>
public sealed record Perimeter(PerimeterKind Kind, IReadOnlyList<string> Ministeres, IReadOnlyList<string> Programmes)
{
    public static Perimeter All { get; } = new(PerimeterKind.All, [], []);

    public static Perimeter Nothing { get; } = new(PerimeterKind.Nothing, [], []);

    public static Perimeter Of(string ministere, params string[] programmes) => new(PerimeterKind.Ministries, [ministere], programmes);

    /// <summary>Parses the display form used in test case names: "*", "-", "MIN09" or "MIN09/0176".</summary>
    public static Perimeter Parse(string text) => text switch
    {
        "*" => All,
        "-" => Nothing,
        _ when text.Contains('/', StringComparison.Ordinal) => Of(text.Split('/')[0], text.Split('/')[1..]),
        _ => Of(text),
    };

    public bool Sees(string? ministere, string? programme) => Kind switch
    {
        PerimeterKind.All => true,
        PerimeterKind.Nothing => false,
        _ => ministere is not null && Ministeres.Contains(ministere) && (Programmes.Count == 0 || (programme is not null && Programmes.Contains(programme))),
    };

    public override string ToString() => Kind switch
    {
        PerimeterKind.All => "*",
        PerimeterKind.Nothing => "-",
        _ => string.Join(",", Ministeres) + (Programmes.Count > 0 ? "/" + string.Join("/", Programmes) : ""),
    };
}

/// <summary>
/// Expected totals computed with plain ADO.NET over the fact and dimension tables (no EF Core, no reporting view,
/// no global query filter): the perimeter is re-applied here as an explicit WHERE on ministere_code/programme_code.
/// SQLite stores decimals as TEXT, so amounts are summed in C# decimal on both engines.
/// </summary>
internal static class IndependentSql
{
    private static readonly ConcurrentDictionary<string, Task<(decimal Sum, long Count)>> Cache = new(StringComparer.Ordinal);

    /// <summary>SUM(amount) and COUNT(*) of the rows <paramref name="sql"/> selects (column "v"), restricted to <paramref name="perimeter"/>.</summary>
    /// <param name="sql">A SELECT of column "v" from a fact aliased "f", ending with a WHERE clause.</param>
    /// <param name="exercice">Restricts to one exercice when given.</param>
    public static Task<(decimal Sum, long Count)> TotalAsync(WarehouseOptions warehouse, string sql, Perimeter perimeter, int? exercice) =>
        Cache.GetOrAdd(
            $"{warehouse.Provider}|{warehouse.ConnectionString}|{sql}|{perimeter}|{exercice}",
            _ => ComputeAsync(warehouse, sql, perimeter, exercice));

    public static async Task<(decimal Sum, long Count)> ComputeAsync(WarehouseOptions warehouse, string sql, Perimeter perimeter, int? exercice)
    {
        if (perimeter.Kind == PerimeterKind.Nothing)
        {
            return (0m, 0);
        }

        var parameters = new List<(string, object)> { ("yes", true) };
        var where = new List<string>();
        if (exercice is { } e)
        {
            where.Add("f.exercice = @exercice");
            parameters.Add(("exercice", e));
        }

        if (perimeter.Kind == PerimeterKind.Ministries)
        {
            where.Add("f.ministere_code IN (" + string.Join(", ", perimeter.Ministeres.Select((m, i) => "@m" + i.ToString(CultureInfo.InvariantCulture))) + ")");
            parameters.AddRange(perimeter.Ministeres.Select((m, i) => ("m" + i.ToString(CultureInfo.InvariantCulture), (object)m)));
            if (perimeter.Programmes.Count > 0)
            {
                where.Add("f.programme_code IN (" + string.Join(", ", perimeter.Programmes.Select((p, i) => "@p" + i.ToString(CultureInfo.InvariantCulture))) + ")");
                parameters.AddRange(perimeter.Programmes.Select((p, i) => ("p" + i.ToString(CultureInfo.InvariantCulture), (object)p)));
            }
        }

        var text = sql + string.Concat(where.Select(w => " AND " + w));
        var sum = 0m;
        long count = 0;
        foreach (var value in await ColumnAsync(warehouse, text, parameters))
        {
            sum += value;
            count++;
        }

        return (sum, count);
    }

    /// <summary>The decimal values of column "v" (TEXT on SQLite, numeric on PostgreSQL).</summary>
    public static async Task<List<decimal>> ColumnAsync(WarehouseOptions warehouse, string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        await using var connection = Open(warehouse);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test SQL written here; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var values = new List<decimal>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0) switch
            {
                string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
                DBNull => 0m,
                var v => Convert.ToDecimal(v, CultureInfo.InvariantCulture),
            });
        }

        return values;
    }

    private static readonly ConcurrentDictionary<string, Task<IReadOnlyDictionary<string, string>>> Programmes = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Task<int>> Latest = new(StringComparer.Ordinal);

    /// <summary>Programme code → ministère code, from dim_programme.</summary>
    public static Task<IReadOnlyDictionary<string, string>> ProgrammeMinistriesAsync(WarehouseOptions warehouse) =>
        Programmes.GetOrAdd(warehouse.Provider + "|" + warehouse.ConnectionString, _ => ReadProgrammeMinistriesAsync(warehouse));

    private static async Task<IReadOnlyDictionary<string, string>> ReadProgrammeMinistriesAsync(WarehouseOptions warehouse)
    {
        await using var connection = Open(warehouse);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT code, ministere_code FROM dim_programme";
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            map[reader.GetString(0)] = reader.GetString(1);
        }

        return map;
    }

    /// <summary>The latest exercice of the execution facts, read without any perimeter.</summary>
    public static Task<int> LatestExerciceAsync(WarehouseOptions warehouse) =>
        Latest.GetOrAdd(warehouse.Provider + "|" + warehouse.ConnectionString, async _ =>
            (int)(await ColumnAsync(warehouse, "SELECT MAX(exercice) AS v FROM fact_engagement", [])).Single());

    private static DbConnection Open(WarehouseOptions warehouse) => warehouse.Provider switch
    {
        WarehouseProvider.Sqlite => new SqliteConnection(warehouse.ConnectionString),
        WarehouseProvider.PostgreSql => new NpgsqlConnection(warehouse.ConnectionString),
        _ => throw new NotSupportedException(warehouse.Provider.ToString()),
    };
}
