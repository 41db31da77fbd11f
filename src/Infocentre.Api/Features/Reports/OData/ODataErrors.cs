using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OData;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>A request for something the service deliberately does not implement: answered with 501.</summary>
internal sealed class UnsupportedQueryException(string message) : ODataException(message);

/// <summary>
/// Errors of the /odata routes in the OData JSON format, <c>{"error":{"code","message"}}</c>, and nothing else:
/// never an <c>innererror</c>, a stack trace or an exception type name, whatever the environment.
/// </summary>
internal static partial class ODataErrors
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IActionResult Result(int status, string code, string message) => new ErrorResult(status, code, message);

    /// <summary>A 400; "InvalidQuery" as the controller has always answered for a query the library refuses.</summary>
    public static IActionResult BadRequest(string message, string code = "InvalidQuery") => Result(StatusCodes.Status400BadRequest, code, message);

    public static async Task WriteAsync(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";
        response.Headers["OData-Version"] = "4.0";
        await JsonSerializer.SerializeAsync(response.Body, new Envelope(new Body(code, message)), Json, response.HttpContext.RequestAborted);
    }

    /// <summary>A code for a status without a more specific one: "NotFound", "InternalServerError"...</summary>
    public static string CodeFor(int status) => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase
        ? phrase.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
        : "Error";

    /// <summary>
    /// The response for a failure while parsing, validating, binding or running a client's query: 400 when the
    /// query is at fault (including one EF Core cannot translate, and a data error the query provoked, such as a
    /// division by zero on PostgreSQL), 501 when it asks for a feature not implemented; null for anything else,
    /// left to the exception handler (500).
    /// The library's own messages are kept for <see cref="ODataException"/> (they name the query text);
    /// other exceptions get a message of ours, never theirs (they name .NET types).
    /// </summary>
    public static IActionResult? ForQueryFailure(Exception exception) => Unwrap(exception) switch
        {
            OperationCanceledException => null,
            UnsupportedQueryException e => Result(StatusCodes.Status501NotImplemented, "NotImplemented", e.Message),
            ODataException e => BadRequest(WithoutClrNames(WithoutLibraryAdvice(e.Message))),
            OverflowException => BadRequest("A literal or a computed value is out of range for its type."),
            FormatException => BadRequest("A literal of the query is malformed."),
            InvalidOperationException e when e.Message.Contains("could not be translated", StringComparison.Ordinal) =>
                BadRequest("This combination of query options cannot be translated to SQL on this warehouse."),
            DbException { SqlState: { } state } e when state.StartsWith("22", StringComparison.Ordinal) =>
                BadRequest("The query failed on the data: " + FirstLine(e.Message)),
            // undefined_function, datatype_mismatch, ambiguous_function, cannot_coerce: the engine cannot do this on these types.
            DbException { SqlState: "42883" or "42804" or "42725" or "42846" } =>
                BadRequest("This combination of query options is not supported by the warehouse's database."),
            ArgumentException or InvalidCastException or NotSupportedException or NotImplementedException or InvalidOperationException
                or KeyNotFoundException or IndexOutOfRangeException or NullReferenceException =>
                BadRequest("The query options cannot be applied together or to this entity set."),
            _ => null,
        };

    /// <summary>The failure itself, not the reflection wrapper the library's generic calls put around it.</summary>
    public static Exception Unwrap(Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        return exception;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>
    /// Some library messages name .NET types ('System.String', 'Microsoft.OData.UriParser.SingleValuePropertyAccessNode'):
    /// only the last segment is kept.
    /// </summary>
    private static string WithoutClrNames(string message) => ClrName().Replace(message, m => m.Groups["name"].Value);

    [GeneratedRegex(@"\b(?:System|Microsoft)\.(?:[A-Za-z0-9_`]+\.)*(?<name>[A-Za-z0-9_`]+)")]
    private static partial Regex ClrName();

    /// <summary>
    /// The library's messages end with advice for the developer ("To allow it, set the 'AllowedQueryOptions'
    /// property on EnableQueryAttribute..."): meaningless to a client, and about our internals.
    /// </summary>
    private static string WithoutLibraryAdvice(string message)
    {
        foreach (var advice in new[] { " To allow it,", " To increase the limit,", " To increase it," })
        {
            var at = message.IndexOf(advice, StringComparison.Ordinal);
            if (at > 0)
            {
                return message[..at];
            }
        }

        return message;
    }

    private sealed record Envelope(Body Error);

    private sealed record Body(string Code, string Message);

    private sealed class ErrorResult(int status, string code, string message) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext.Response, status, code, message);
    }
}

/// <summary>
/// Writes the ProblemDetails produced for /odata requests outside our controller (the exception handler's 500,
/// the status-code pages' 404 and 405...) as OData errors: title or detail only, no exception details.
/// Registered first among the <see cref="IProblemDetailsWriter"/>s.
/// </summary>
internal sealed class ODataProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => ODataRouteServices.IsODataPath(context.HttpContext.Request.Path);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var status = context.ProblemDetails.Status ?? response.StatusCode;
        var message = status == StatusCodes.Status500InternalServerError
            ? "An error occurred while processing your request."
            : context.ProblemDetails.Detail ?? context.ProblemDetails.Title ?? ODataErrors.CodeFor(status);
        return new ValueTask(ODataErrors.WriteAsync(response, status, ODataErrors.CodeFor(status), message));
    }
}
