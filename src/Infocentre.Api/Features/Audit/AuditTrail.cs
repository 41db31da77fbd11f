using System.Diagnostics;
using System.Threading.Channels;
using Infocentre.Reports;
using Infocentre.Warehouse;
using Infocentre.Warehouse.Access;
using Microsoft.AspNetCore.WebUtilities;

namespace Infocentre.Api.Features.Audit;

/// <summary>
/// Records who ran or exported which report, with which parameters, how many rows, how long and with what
/// outcome. Entries are queued and written in batches off the request path; credentials never enter them.
/// </summary>
public sealed class AuditTrail
{
    /// <summary>HttpContext item where a handler leaves the number of rows it returned.</summary>
    public const string RowsItem = "infocentre.audit.rows";

    private static readonly HashSet<string> Secrets = new(StringComparer.OrdinalIgnoreCase) { "access_token", "api_key", "apikey", "token", "key" };

    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<AuditEntry> Reader => _queue.Reader;

    public static void UseAuditTrail(WebApplication app) => app.Use(async (context, next) =>
    {
        if (!IsAudited(context.Request.Path))
        {
            await next(context);
            return;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            var trail = context.RequestServices.GetRequiredService<AuditTrail>();
            var catalogue = context.RequestServices.GetRequiredService<ReportCatalogue>();
            await trail._queue.Writer.WriteAsync(new AuditEntry
            {
                At = DateTime.UtcNow,
                Principal = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "?" : "anonymous",
                Method = context.Request.Method,
                Path = Truncate(context.Request.Path.Value ?? "", 1000),
                Query = Truncate(WithoutSecrets(context.Request.QueryString), 4000),
                Report = ReportOf(context.Request.Path, catalogue),
                Status = context.Response.StatusCode,
                Rows = context.Items.TryGetValue(RowsItem, out var rows) ? rows as long? : null,
                DurationMs = watch.ElapsedMilliseconds,
            }, CancellationToken.None);
        }
    });

    private static bool IsAudited(PathString path) =>
        (path.StartsWithSegments("/odata", StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue && rest.Value != "/"
            && !rest.StartsWithSegments("/$metadata", StringComparison.OrdinalIgnoreCase))
        || (path.StartsWithSegments("/api/reports", StringComparison.OrdinalIgnoreCase) && path.Value!.Split('/').Length > 4);

    private static string? ReportOf(PathString path, ReportCatalogue catalogue)
    {
        var segments = path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["odata", var set, ..] => catalogue.FindByEntitySet(set)?.Definition.Code ?? Truncate(set, 200),
            ["api", "reports", var code, ..] => catalogue.FindByCode(code)?.Definition.Code ?? Truncate(code, 200),
            _ => null,
        };
    }

    private static string WithoutSecrets(QueryString query) =>
        QueryString.Create(QueryHelpers.ParseQuery(query.Value)
            .Where(p => !Secrets.Contains(p.Key))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))).Value ?? "";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Writes queued audit entries in batches.</summary>
public sealed partial class AuditWriter(AuditTrail trail, IServiceScopeFactory scopes, ILogger<AuditWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEntry>();
        while (await trail.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < 500 && trail.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WarehouseDbContext>();
                db.Audit.AddRange(batch);
                await db.SaveChangesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed batch must not stop the service; it is logged and the next batches go on.
                LogFailed(logger, batch.Count, e);
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} audit entries.")]
    private static partial void LogFailed(ILogger logger, int count, Exception exception);
}
