using System.Globalization;
using System.Threading.RateLimiting;
using Infocentre.Api.Features.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Infocentre.Api.Features.Exports;

/// <summary>
/// At most <see cref="ExportOptions.MaxConcurrent"/> exports run at once in the instance (one partition for all
/// callers: what is protected is the database and the instance's memory, not a caller's share). No queue: one more
/// is answered at once with 429 and Retry-After. The permit is held until the last byte of the file is sent.
/// </summary>
public sealed class ExportConcurrencyPolicy(IOptions<ExportOptions> options) : IRateLimiterPolicy<string>
{
    private const string Partition = "exports";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var value = options.Value;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await SecuritySetup.WriteProblemAsync(http, StatusCodes.Status429TooManyRequests, "Too many exports",
            $"{value.MaxConcurrent} exports are already running (Exports:MaxConcurrent): retry in {value.RetryAfterSeconds} s.");
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(Partition, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrent,
            QueueLimit = 0,
        });
}
