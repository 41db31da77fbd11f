using System.Globalization;
using System.Reflection;
using Infocentre.Api.Features.Freshness;
using Infocentre.Api.Features.Reports;
using Infocentre.Api.Features.Reports.OData;
using Infocentre.Api.Features.Reports.Rest;
using Infocentre.Reports.Compilation;
using Infocentre.Reports.Parameters;
using Infocentre.Warehouse;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OData;

namespace Infocentre.Api.Features.Exports;

/// <summary>What an export request needs from the container.</summary>
internal readonly record struct ExportServices(
    ReportRunner Runner, FreshnessCache Freshness, IOptions<ODataLimits> Limits, IOptions<ExportOptions> Options,
    TimeProvider Clock, WarehouseDbContext Db, ILoggerFactory Loggers);

/// <summary>
/// The export handlers: everything is validated and the headers set before the first byte (afterwards an error can
/// no longer change the status); then the rows flow from the database reader to the response body, and a failure
/// or a client disconnect aborts the connection, so that no truncated file ever looks complete.
/// </summary>
internal static partial class ExportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Query keys that are not report parameters, per format (OData spellings accepted for OData users).</summary>
    private static readonly HashSet<string> XlsxKeys = new(StringComparer.Ordinal) { "filter", "$filter", "orderby", "$orderby", "totals" };
    private static readonly HashSet<string> CsvKeys = new(XlsxKeys, StringComparer.Ordinal) { "dialect" };

    /// <summary>Query options of /rows or OData that make no sense for a whole-result file: refused with a message.</summary>
    private static readonly HashSet<string> Unsupported = new(StringComparer.OrdinalIgnoreCase)
    {
        "top", "skip", "count", "$top", "$skip", "$count", "$select", "$apply", "$expand", "$format", "$search", "$skiptoken", "$compute",
    };

    private static readonly MethodInfo AsAsyncEnumerableMethod = typeof(EntityFrameworkQueryableExtensions)
        .GetMethod(nameof(EntityFrameworkQueryableExtensions.AsAsyncEnumerable))!;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private enum Format
    {
        Xlsx,
        Csv,
    }

    public static Task<IResult> XlsxAsync(string code, HttpContext http, [AsParameters] ExportServices services) =>
        ExportAsync(Format.Xlsx, code, http, services);

    public static Task<IResult> CsvAsync(string code, HttpContext http, [AsParameters] ExportServices services) =>
        ExportAsync(Format.Csv, code, http, services);

    private static async Task<IResult> ExportAsync(Format format, string code, HttpContext http, ExportServices services)
    {
        var cancellationToken = http.RequestAborted;
        var runner = services.Runner;
        var options = services.Options.Value;
        var report = runner.Catalogue.FindByCode(code) ?? runner.Catalogue.FindByEntitySet(code);
        if (report is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown report",
                $"No report has the code or entity set '{code}'. GET /api/reports lists them.");
        }

        if (!ReportAccess.Allows(http.User, report.Definition.Roles))
        {
            return Problem(StatusCodes.Status403Forbidden, "Restricted report", ReportAccess.Refusal(report.Definition.Code, report.Definition.Roles));
        }

        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(Unsupported.Contains) is { } unsupported)
        {
            return Problem(StatusCodes.Status400BadRequest, $"Invalid {unsupported}",
                $"An export holds every row of the report: {unsupported} is not accepted (use filter to narrow it, or GET /api/reports/{report.Definition.Code}/rows for pages).");
        }

        var reserved = format == Format.Xlsx ? XlsxKeys : CsvKeys;
        if (query.Where(p => reserved.Contains(p.Key) && p.Value.Count > 1).Select(p => p.Key).FirstOrDefault() is { } repeated)
        {
            return Problem(StatusCodes.Status400BadRequest, $"Invalid {repeated}", $"{repeated} is given more than once.");
        }

        if (!TryOne(query, "filter", out var filter) || !TryOne(query, "orderby", out var orderBy))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid filter/orderby", "Give filter or $filter (orderby or $orderby), not both.");
        }

        var totals = false;
        if (query.TryGetValue("totals", out var totalsText) && !TryParseBool(totalsText.ToString(), out totals))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid totals", "totals must be true or false.");
        }

        var dialect = CsvDialect.French;
        if (format == Format.Csv)
        {
            if (CsvReportWriter.ParseDialect(query.TryGetValue("dialect", out var given) ? given.ToString() : null) is not { } parsed)
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid dialect",
                    "dialect must be fr (';' and decimal comma, the default) or rfc4180 (',' and decimal point).");
            }

            dialect = parsed;
        }

        var target = runner.FindTarget(report.Definition.EntitySet)!;
        var parameters = query.Where(p => !reserved.Contains(p.Key))
            .Select(p => KeyValuePair.Create(p.Key, p.Value.Select(v => v ?? "").ToArray()));
        var prepared = await runner.PrepareAsync(target, parameters, cancellationToken);
        if (prepared.Query is not { } rows)
        {
            return ParameterProblem(report, prepared.Errors);
        }

        try
        {
            rows = QueryComposer.FilterAndOrder(rows, runner.Catalogue.Model, report, filter, orderBy, ODataValidation.Settings(services.Limits.Value));
        }
        catch (ODataException e)
        {
            return Problem(StatusCodes.Status400BadRequest, string.IsNullOrWhiteSpace(filter) ? "Invalid orderby" : "Invalid filter/orderby", e.Message);
        }

        if (options.MaxRows is { } maxRows)
        {
            var count = await QueryExecution.CountAsync(rows, cancellationToken);
            if (count > maxRows)
            {
                return TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Export too large",
                    Detail = $"The export would hold {count.ToString("N0", CultureInfo.InvariantCulture)} rows, more than the {maxRows.ToString("N0", CultureInfo.InvariantCulture)} allowed (Exports:MaxRows): narrow its parameters or filter.",
                    Extensions = { ["rows"] = count, ["maxRows"] = maxRows },
                });
            }
        }

        var zone = TimeZone(options.TimeZone);
        var now = TimeZoneInfo.ConvertTime(services.Clock.GetUtcNow(), zone.Zone);
        var loads = await services.Freshness.GetAsync(cancellationToken);
        DateTime? lastLoaded = loads.TryGetValue(report.Definition.Domain, out var last) ? last : null;
        var document = Document(report, prepared.Parameters!, filter, orderBy, totals, services.Db.Perimeter.ToString(), lastLoaded, now, zone);

        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format == Format.Xlsx ? XlsxContentType : CsvContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = FileName(report, prepared.Parameters!, now, format),
        }.ToString();
        response.Headers.CacheControl = "no-store";
        if (lastLoaded is { } stamp)
        {
            response.Headers[FreshnessCache.HeaderName] = stamp.ToString("O", CultureInfo.InvariantCulture);
        }

        // The query runs and its first row is read before anything is sent: a query the database refuses (a
        // division by zero in the filter, an overflow...) is still a 400 naming the problem.
        var logger = services.Loggers.CreateLogger("Infocentre.Exports");
        var source = Stream(rows).GetAsyncEnumerator(cancellationToken);
        long written = 0;
        try
        {
            bool any;
            try
            {
                any = await source.MoveNextAsync();
            }
            catch (Exception e) when (IsQueryError(e))
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid query", QueryErrorMessage(e));
            }

            await response.StartAsync(cancellationToken);
            // Not Response.Body: SpreadCheetah ends the zip with small synchronous writes, which Kestrel refuses there.
            var body = response.BodyWriter.AsStream(leaveOpen: true);
            var all = Continue(source, any);
            written = format == Format.Xlsx
                ? await XlsxReportWriter.WriteAsync(body, document, all, options.MaxSheetRows, cancellationToken)
                : await CsvReportWriter.WriteAsync(body, document, all, dialect, cancellationToken);
            await response.BodyWriter.FlushAsync(cancellationToken);
            LogExported(logger, report.Definition.Code, format.ToString(), written);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away (or the time limit passed): the query is cancelled; the connection is reset so a
            // partial body is never taken for a whole file.
            LogCancelled(logger, report.Definition.Code, format.ToString());
            http.Abort();
        }
#pragma warning disable CA1031 // After the first byte nothing else can be done: log, and reset the connection.
        catch (Exception e) when (response.HasStarted)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, report.Definition.Code, format.ToString());
            http.Abort();
        }
        finally
        {
            await source.DisposeAsync();
            http.Items[Audit.AuditTrail.RowsItem] = (long?)written;
        }

        return Results.Empty;
    }

    /// <summary>The rows of an enumerator whose first row was already read (<paramref name="any"/>: there was one).</summary>
    private static async IAsyncEnumerable<object> Continue(IAsyncEnumerator<object> rows, bool any)
    {
        if (!any)
        {
            yield break;
        }

        yield return rows.Current;
        while (await rows.MoveNextAsync())
        {
            yield return rows.Current;
        }
    }

    /// <summary>Failures of the client's query, not of the service: invalid expressions, data errors (SQLSTATE class 22).</summary>
    private static bool IsQueryError(Exception e) => e switch
    {
        ODataException or OverflowException or FormatException or ArgumentException or InvalidOperationException => true,
        Npgsql.PostgresException pg => pg.SqlState.StartsWith("22", StringComparison.Ordinal),
        Microsoft.Data.Sqlite.SqliteException => true,
        _ => false,
    };

    private static string QueryErrorMessage(Exception e) => e switch
    {
        ODataException or ArgumentException or FormatException => e.Message,
        OverflowException => "A number in the query is out of range.",
        InvalidOperationException => "The query cannot be run: an expression cannot be translated for the database.",
        _ => "The query failed on the data (e.g. a division by zero or an overflow): change the filter.",
    };

    /// <summary>The report's rows as EF Core streams them from the database reader (AsAsyncEnumerable).</summary>
    private static IAsyncEnumerable<object> Stream(IQueryable query) =>
        (IAsyncEnumerable<object>)AsAsyncEnumerableMethod.MakeGenericMethod(query.ElementType).Invoke(null, [query])!;

    private static ExportDocument Document(
        CompiledReport report, BoundParameters parameters, string? filter, string? orderBy, bool totals, string perimeter,
        DateTime? lastLoaded, DateTimeOffset now, (TimeZoneInfo Zone, string Label) zone)
    {
        var d = report.Definition;
        var values = d.Parameters
            .Select(p => new ExportParameter(p.Name, string.IsNullOrWhiteSpace(p.Label) ? p.Name : p.Label, p.Type, Display(parameters[p.Name]), p.Description.Trim()))
            .ToList();
        var loaded = lastLoaded is { } utc
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone.Zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + zone.Label
            : "inconnue";
        var order = string.IsNullOrWhiteSpace(orderBy) ? d.OrderBy.Count == 0 ? "(ordre de la clé)" : string.Join(", ", d.OrderBy) + " (par défaut)" : orderBy;
        return new ExportDocument
        {
            Code = d.Code,
            Title = d.Title,
            Description = d.Description,
            RowType = report.RowType,
            Columns = ExportColumn.For(report),
            Totals = totals,
            Parameters = values,
            HeaderLines =
            [
                "Dernière mise à jour des données : " + loaded,
                "Paramètres : " + (values.Count == 0 ? "(aucun)" : string.Join(" ; ", values.Select(v => $"{v.Label} = {v.Value}"))),
                "Filtre : " + (string.IsNullOrWhiteSpace(filter) ? "(aucun)" : filter),
                "Tri : " + order,
                "Périmètre : " + perimeter,
                "Généré le : " + now.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + zone.Label,
            ],
            About =
            [
                KeyValuePair.Create("Domaine", d.Domain),
                KeyValuePair.Create("Source", d.Source),
                KeyValuePair.Create("Mêmes lignes (REST)", $"/api/reports/{d.Code}/rows"),
                KeyValuePair.Create("Mêmes lignes (OData)", $"/odata/{d.EntitySet}"),
            ],
        };
    }

    private static string Display(object? value) => value switch
    {
        null => "(tous)",
        bool b => b ? "oui" : "non",
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        decimal or double or float => Convert.ToString(value, French) ?? "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>&lt;CODE&gt;_&lt;exercice&gt;_&lt;yyyyMMdd-HHmm&gt;.xlsx (without the exercice part for a report that has none).</summary>
    private static string FileName(CompiledReport report, BoundParameters parameters, DateTimeOffset now, Format format)
    {
        var exercice = parameters["exercice"] is { } value ? "_" + Convert.ToString(value, CultureInfo.InvariantCulture) : "";
        var code = new string(report.Definition.Code.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return $"{code}{exercice}_{now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{(format == Format.Xlsx ? "xlsx" : "csv")}";
    }

    private static (TimeZoneInfo Zone, string Label) TimeZone(string id)
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return (zone, id == "Europe/Paris" ? " (heure de Paris)" : $" ({id})");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return (TimeZoneInfo.Utc, " (UTC)");
        }
    }

    /// <summary>The value of a key given in its plain or OData ($) spelling; false when both are given.</summary>
    private static bool TryOne(IQueryCollection query, string name, out string? value)
    {
        var plain = query.TryGetValue(name, out var a) ? a.ToString() : null;
        var odata = query.TryGetValue("$" + name, out var b) ? b.ToString() : null;
        value = plain ?? odata;
        return plain is null || odata is null;
    }

    private static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES" or "OUI" or "":
                value = true;
                return true;
            case "FALSE" or "0" or "NO" or "NON":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static ProblemHttpResult ParameterProblem(CompiledReport report, IReadOnlyList<ParameterError> errors) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid report parameters",
            Detail = string.Join(" ", errors.Select(e => e.ToString() + ".")),
            Extensions = { ["report"] = report.Definition.Code, ["errors"] = errors.ToDictionary(e => e.Parameter, e => e.Message) },
        });

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Export {Report} as {Format}: {Rows} rows")]
    private static partial void LogExported(ILogger logger, string report, string format, long rows);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Export {Report} as {Format} cancelled (client gone or time limit)")]
    private static partial void LogCancelled(ILogger logger, string report, string format);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Export {Report} as {Format} failed after the response started; connection reset")]
    private static partial void LogFailed(ILogger logger, Exception exception, string report, string format);
}
