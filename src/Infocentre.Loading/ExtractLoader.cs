using System.Diagnostics;
using System.Text.Json;
using Infocentre.Loading.Budget53;
using Infocentre.Loading.Common;
using Infocentre.Loading.Ledger;
using Infocentre.Loading.Referentials;
using Infocentre.Loading.Subsidies;
using Infocentre.Warehouse;
using Infocentre.Warehouse.Bulk;
using Infocentre.Warehouse.Loads;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Loading;

/// <summary>
/// Loads one Chorus extract into the warehouse: inspect (SHA-256, encoding, kind), then parse → stage → check →
/// publish → reconcile in one transaction, committed only if every step succeeds. The load_run row is written
/// first (status running) so that a crashed load stays visible; it is completed in the load's transaction, or
/// marked failed/refused, with its findings, after the rollback.
/// </summary>
public sealed class ExtractLoader(WarehouseDbContext db, LoadOptions options)
{
    /// <summary>The extract kinds, tried in order.</summary>
    public static IReadOnlyList<IExtractKind> Kinds { get; } = [new InfBud53Extract(), new InfCge03Extract(), new SubsidyPaymentExtract(), .. ReferentialExtract.All];

    /// <summary>Referentials first (programmes before the codes that belong to a programme), then extracts.</summary>
    public static async Task<IReadOnlyList<string>> OrderForLoadingAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var ranked = new List<(int Rank, string Path)>();
        foreach (var path in paths)
        {
            var file = await ExtractFile.InspectAsync(path, null, cancellationToken);
            var index = ReferentialExtract.All.ToList().FindIndex(r => r.Recognises(file));
            ranked.Add((index < 0 ? int.MaxValue : index, path));
        }

        return [.. ranked.OrderBy(r => r.Rank).ThenBy(r => r.Path, StringComparer.Ordinal).Select(r => r.Path)];
    }

    /// <summary>Loads <paramref name="path"/>; <paramref name="fileName"/> is the name recorded (the upload's name).</summary>
    public async Task<LoadResult> LoadAsync(string path, string? fileName, string startedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stopwatch = Stopwatch.StartNew();
        var file = await ExtractFile.InspectAsync(path, fileName, cancellationToken);
        var kind = Kinds.FirstOrDefault(k => k.Recognises(file));
        var run = new LoadRun
        {
            FileName = file.FileName, Sha256 = file.Sha256, Kind = kind?.Name ?? "unknown", Encoding = file.Encoding?.WebName,
            StartedBy = startedBy, StartedAt = DateTime.UtcNow, Status = LoadRunStatus.Running,
        };
        db.LoadRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        LoadSession? session = null;
        try
        {
            if (kind is null)
            {
                throw new LoadException(
                    $"{file.FileName}: unknown extract layout. Expected an INF-BUD-53 or INF-CGE-03 CSV (first line 'INF-BUD-53 : ...', 'INF-CGE-03 : ...'), a Data.Subvention XLSX extraction (.xlsx) or a referential CSV whose first column is one of: "
                    + string.Join(", ", ReferentialExtract.All.Select(r => "'" + r.FirstColumn + "'")) + ".",
                    LoadRunStatus.Failed, 1, null);
            }

            if (WarehouseDatabase.ProviderOf(db.Database) is not (WarehouseProvider.Sqlite or WarehouseProvider.PostgreSql))
            {
                throw new LoadException("Loading extracts is supported on SQLite and PostgreSQL warehouses.");
            }

            await using var writer = await BulkWriter.BeginAsync(db, new BulkWriterOptions { RebuildIndexes = false }, cancellationToken);
            session = new LoadSession(db, writer, file, options);
            if (!session.IsSqlite)
            {
                // One load at a time: ids are assigned above the current maximum of the fact table.
                await session.ExecuteAsync("SELECT pg_advisory_xact_lock(4242006)", cancellationToken);
            }

            await kind.RunAsync(session, cancellationToken);

            var finished = DateTime.UtcNow;
            Complete(run, session, LoadRunStatus.Succeeded, null, finished);
            db.LoadRuns.Update(run);
            db.LoadFindings.AddRange(Stored(run.Id, session));
            db.Loads.AddRange(session.Domains.Select(domain => new LoadRecord
            {
                Domain = domain, Kind = kind.Name, Source = file.FileName, Sha256 = file.Sha256, StartedAt = run.StartedAt,
                FinishedAt = finished, Status = LoadStatus.Succeeded, RowsRead = session.RowsRead, RowsLoaded = session.RowsLoaded,
                RowsRejected = session.RowsRejected,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await writer.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Result(run, session, stopwatch.Elapsed);
        }
        catch (Exception e)
        {
            db.ChangeTracker.Clear();
            var status = e is LoadException load ? load.Status : LoadRunStatus.Failed;
            var message = e is OperationCanceledException ? "The load was cancelled; nothing was loaded." : e.Message;
            Complete(run, session, status, message, DateTime.UtcNow);
            db.LoadRuns.Update(run);
            if (session is not null)
            {
                db.LoadFindings.AddRange(Stored(run.Id, session));
            }

            await db.SaveChangesAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (e is LoadException failure)
            {
                throw new LoadFailedException(Result(run, session, stopwatch.Elapsed), failure);
            }

            throw;
        }
    }

    private static void Complete(LoadRun run, LoadSession? session, string status, string? message, DateTime finished)
    {
        run.Status = status;
        run.Message = message is { Length: > 4000 } ? message[..4000] : message;
        run.FinishedAt = finished;
        if (session is null)
        {
            return;
        }

        run.RowsRead = session.RowsRead;
        run.RowsRejected = session.RowsRejected;
        run.RowsLoaded = status == LoadRunStatus.Succeeded ? session.RowsLoaded : 0;
        run.RowsReplaced = status == LoadRunStatus.Succeeded ? session.RowsReplaced : 0;
        run.ControlTotals = JsonSerializer.Serialize(session.ControlTotals.Select(t => new { exercice = t.Exercice, rows = t.Rows, amount = t.Amount }));
    }

    private static IEnumerable<LoadFinding> Stored(long runId, LoadSession session) =>
        session.Findings.Kept.Select(f => new LoadFinding
        {
            LoadRunId = runId, Code = f.Rule.Code, Severity = f.Rule.Severity, FileName = session.File.FileName, Line = f.Line,
            Column = f.Column, Value = f.Value is { Length: > 1000 } v ? v[..1000] : f.Value, Message = f.Message.Length > 1000 ? f.Message[..1000] : f.Message,
        });

    private static LoadResult Result(LoadRun run, LoadSession? session, TimeSpan elapsed) => new(
        run.Id, run.FileName, run.Kind, run.Status, run.RowsRead, run.RowsLoaded, run.RowsRejected, run.RowsReplaced,
        session?.ControlTotals ?? [], session?.Findings.Kept ?? [],
        session?.Findings.Counts ?? new Dictionary<string, long>(), run.Message, elapsed);
}

/// <summary>A load that failed or was refused; <see cref="Result"/> is what its load_run row says.</summary>
public sealed class LoadFailedException(LoadResult result, LoadException inner) : Exception(inner?.Message, inner)
{
    public LoadResult Result { get; } = result;

    public long? Line => (InnerException as LoadException)?.Line;

    public string? Column => (InnerException as LoadException)?.Column;
}
