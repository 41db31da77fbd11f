using System.Data.Common;
using System.Text;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Infocentre.Loading.Referentials;

/// <summary>
/// A referential CSV (one header line, <c>;</c>-separated): each line is checked, then inserted or updated by
/// its code (the natural key). Codes absent from the file are kept: facts refer to them.
/// </summary>
public abstract class ReferentialExtract : IExtractKind
{
    public static IReadOnlyList<ReferentialExtract> All { get; } =
    [
        new ProgrammeReferential(), new DomaineFonctionnelReferential(), new CentreFinancierReferential(),
        new ActiviteReferential(), new CentreCoutsReferential(), new TiersReferential(),
    ];

    public abstract string Name { get; }

    /// <summary>The header of the first column, which identifies the referential.</summary>
    public abstract string FirstColumn { get; }

    /// <summary>Every header the file must have, in any order.</summary>
    public abstract IReadOnlyList<string> Headers { get; }

    public bool Recognises(ExtractFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.IsXlsx)
        {
            return false;
        }

        var first = file.FirstLine.Split(';')[0].Trim().Trim('"');
        return string.Equals(first, FirstColumn, StringComparison.OrdinalIgnoreCase);
    }

    public abstract Task RunAsync(LoadSession session, CancellationToken cancellationToken);
}

/// <summary>The typed part of a referential: the dimension entity and how a line becomes one.</summary>
public abstract class ReferentialExtract<T> : ReferentialExtract
    where T : class
{
    /// <summary>Builds the entity of the line, or null when a field is bad (the reader has recorded why).</summary>
    protected abstract T? Parse(LineReader line, IReadOnlyDictionary<string, int> c, ReferenceCodes codes);

    protected abstract string CodeOf(T row);

    public override async Task RunAsync(LoadSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var codes = await ReferenceCodes.ReadAsync(session.Db, cancellationToken);
        var rows = new List<T>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var csv = ChorusCsv.Open(session.File))
        {
            csv.ReadHeader(_ => true, 1);
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < csv.Columns.Count; i++)
            {
                columns.TryAdd(csv.Columns[i], i);
            }

            foreach (var header in Headers.Where(h => !columns.ContainsKey(h)))
            {
                throw new LoadException($"Line 1: the column '{header}' is missing from the {Name} referential.", LoadRunStatus.Failed, 1, header);
            }

            foreach (var row in ChorusLines.Parse(session, csv, i => i < csv.Columns.Count ? csv.Columns[i] : string.Empty, line => Parse(line, columns, codes)))
            {
                var code = CodeOf(row);
                if (seen.TryGetValue(code, out var earlier))
                {
                    session.Reject(DataQualityRules.Duplicate, csv.Line, FirstColumn, code, $"The code {code} was already given on line {earlier}.");
                    session.RowsRejected++;
                    continue;
                }

                seen.Add(code, csv.Line);
                rows.Add(row);
            }
        }

        session.Step(LoadStep.Stage);
        session.EnforceRejectionThreshold();
        session.Step(LoadStep.Check);
        var table = BulkTable.For<T>(session.Db);
        session.RowsReplaced = await ExistingAsync(session, table, seen.Keys, cancellationToken);
        await UpsertAsync(session, table, rows, cancellationToken);
        session.Step(LoadStep.Publish);
        session.RowsLoaded = rows.Count;
        session.AddToTotals(0, rows.Count, 0m);
        session.Step(LoadStep.Reconcile);
        var held = await ExistingAsync(session, table, seen.Keys, cancellationToken);
        if (held != rows.Count)
        {
            throw new LoadException($"Reconciliation failed: {rows.Count} codes loaded, the warehouse holds {held} of them; nothing was loaded.");
        }
    }

    private static async Task<long> ExistingAsync(LoadSession session, BulkTable table, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        long found = 0;
        await using var command = session.Command($"SELECT code FROM {session.Quote(table.Name)}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (wanted.Contains(reader.GetString(0)))
            {
                found++;
            }
        }

        return found;
    }

    private static async Task UpsertAsync(LoadSession session, BulkTable table, List<T> rows, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        var sql = new StringBuilder("INSERT INTO ").Append(session.Quote(table.Name)).Append(" (")
            .AppendJoin(", ", columns.Select(c => session.Quote(c.Name))).Append(") VALUES (")
            .AppendJoin(", ", columns.Select((_, i) => session.Sql.GenerateParameterNamePlaceholder("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Append(") ON CONFLICT (code) DO UPDATE SET ")
            .AppendJoin(", ", columns.Where(c => c.Name != "code").Select(c => $"{session.Quote(c.Name)} = excluded.{session.Quote(c.Name)}"))
            .ToString();
        await using DbCommand command = session.Command(sql);
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.Add(columns[i].Mapping.CreateParameter(
                command, session.Sql.GenerateParameterName("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, columns[i].Property.IsNullable));
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters[i].Value = columns[i].GetProviderValue(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    protected static int Col(IReadOnlyDictionary<string, int> columns, string header) => columns[header];
}
