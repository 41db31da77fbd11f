using System.Data.Common;
using System.Globalization;
using Infocentre.Warehouse;
using Infocentre.Warehouse.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Infocentre.Loading.Common;

/// <summary>
/// Everything one load shares between its steps: the file, the open transaction (through the
/// <see cref="BulkWriter"/>), the findings, the counters and control totals.
/// </summary>
public sealed class LoadSession
{
    private readonly Dictionary<int, (long Rows, decimal Amount)> totals = [];

    internal LoadSession(WarehouseDbContext db, BulkWriter writer, ExtractFile file, LoadOptions options)
    {
        Db = db;
        Writer = writer;
        File = file;
        Options = options;
        Findings = new FindingLog(options.MaxStoredFindings);
        Provider = WarehouseDatabase.ProviderOf(db.Database);
        Sql = db.GetService<ISqlGenerationHelper>();
    }

    public WarehouseDbContext Db { get; }

    public BulkWriter Writer { get; }

    public ExtractFile File { get; }

    public LoadOptions Options { get; }

    public FindingLog Findings { get; }

    public WarehouseProvider Provider { get; }

    public ISqlGenerationHelper Sql { get; }

    public bool IsSqlite => Provider == WarehouseProvider.Sqlite;

    public long RowsRead { get; set; }

    public long RowsRejected { get; set; }

    public long RowsLoaded { get; set; }

    public long RowsReplaced { get; set; }

    /// <summary>Domains whose freshness the load updates (one load_record each).</summary>
    public ISet<string> Domains { get; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyList<ControlTotal> ControlTotals =>
        [.. totals.OrderBy(t => t.Key).Select(t => new ControlTotal(t.Key, t.Value.Rows, t.Value.Amount))];

    public void Step(LoadStep step) => Options.StepHook?.Invoke(step);

    public void Reject(DataQualityRule rule, long line, string? column, string? value, string message)
    {
        Findings.Add(new Finding(rule, line, column, value, message));
    }

    public void Warn(DataQualityRule rule, long? line, string? column, string? value, string message) =>
        Findings.Add(new Finding(rule, line, column, value, message));

    public void AddToTotals(int exercice, long rows, decimal amount)
    {
        var current = totals.GetValueOrDefault(exercice);
        totals[exercice] = (current.Rows + rows, current.Amount + amount);
    }

    /// <summary>
    /// Takes the control totals gathered so far out of the session and returns them: a file feeding two facts
    /// reconciles each against its own totals, then adds them back with <see cref="AddToTotals"/>.
    /// </summary>
    public IReadOnlyList<ControlTotal> TakeTotals()
    {
        var taken = ControlTotals;
        totals.Clear();
        return taken;
    }

    /// <summary>Refuses the load when more than <see cref="LoadOptions.MaxRejectionRate"/> of its lines were rejected.</summary>
    public void EnforceRejectionThreshold()
    {
        if (RowsRead == 0)
        {
            throw new LoadException($"{File.FileName}: the file holds no data line.", LoadRunStatus.Failed);
        }

        var rate = (double)RowsRejected / RowsRead;
        if (rate > Options.MaxRejectionRate)
        {
            throw new LoadException(
                string.Create(CultureInfo.InvariantCulture,
                    $"{File.FileName}: {RowsRejected} of {RowsRead} lines rejected ({rate:P1}), above the threshold of {Options.MaxRejectionRate:P1}; nothing was loaded."),
                LoadRunStatus.Refused);
        }
    }

    public string Quote(string identifier) => Sql.DelimitIdentifier(identifier);

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> ScalarInt64Async(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>The integers of the first row of <paramref name="sql"/> (NULL as 0).</summary>
    public async Task<long[]> RowInt64Async(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The query returned no row: " + sql);
        }

        var values = new long[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>An amount column summed exactly, in cents (EF stores decimals as TEXT on SQLite).</summary>
    public string SumCents(string column) => IsSqlite
        ? $"SUM(CAST(ROUND(CAST({column} AS REAL) * 100) AS INTEGER))"
        : $"CAST(SUM({column}) * 100 AS BIGINT)";
}
