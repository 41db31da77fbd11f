using System.Globalization;
using System.Threading.RateLimiting;
using Infocentre.Access;
using Infocentre.Warehouse;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.Tokens;

namespace Infocentre.Api.Features.Security;

public static class SecuritySetup
{
    private const string SelectorScheme = "Infocentre";

    /// <summary>Authentication (JWT bearer or API key), role policies, rate and time limits, CORS.</summary>
    public static void AddInfocentreSecurity(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var limits = builder.Configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>() ?? new LimitsOptions();
        var hosting = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(hosting);

        builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "JWT bearer or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeys.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o => ConfigureJwt(o, auth, builder.Environment))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Add);

        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
                PartitionKey(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.RequestsPerMinute,
                    TokensPerPeriod = limits.RequestsPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await WriteProblemAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"The limit of {limits.RequestsPerMinute} requests per minute (Limits:RequestsPerMinute) is reached for this caller.");
            };
        });

        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(limits.RequestTimeoutSeconds),
            TimeoutStatusCode = StatusCodes.Status408RequestTimeout,
            WriteTimeoutResponse = context => WriteProblemAsync(context, StatusCodes.Status408RequestTimeout, "Request timeout",
                $"The request exceeded the {limits.RequestTimeoutSeconds} s limit (Limits:RequestTimeoutSeconds): narrow its parameters or filter."),
        });

        builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            if (hosting.CorsOrigins.Count > 0)
            {
                p.WithOrigins([.. hosting.CorsOrigins]).WithMethods("GET").AllowAnyHeader();
            }
        }));
    }

    public static void UseInfocentreSecurity(this WebApplication app)
    {
        var hosting = app.Services.GetRequiredService<HostingOptions>();
        if (hosting.HttpsRedirection)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRequestTimeouts();
    }

    private static void ConfigureJwt(JwtBearerOptions o, AuthOptions auth, IWebHostEnvironment environment)
    {
        o.MapInboundClaims = false;
        // Validation details would tell an attacker which check failed, and a hostile issuer could break the header.
        o.IncludeErrorDetails = false;
        o.TokenValidationParameters.NameClaimType = "sub";
        o.TokenValidationParameters.RoleClaimType = InfocentreClaims.Role;
        o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        if (!string.IsNullOrWhiteSpace(auth.Authority))
        {
            o.Authority = auth.Authority;
            o.Audience = auth.Audience;
            o.TokenValidationParameters.ValidIssuer = auth.Issuer ?? auth.Authority;
            return;
        }

        byte[]? key = !string.IsNullOrWhiteSpace(auth.SigningKey) ? Convert.FromBase64String(auth.SigningKey)
            : environment.IsDevelopment() ? DevelopmentSigningKey.LoadOrCreate()
            : null;
        o.TokenValidationParameters.ValidIssuer = auth.Issuer ?? DevelopmentSigningKey.Issuer;
        o.TokenValidationParameters.ValidAudience = auth.Audience ?? DevelopmentSigningKey.Audience;
        o.TokenValidationParameters.ValidateIssuerSigningKey = true;
        // Without a key (Production with no Auth configured) no token validates: only API keys work.
        o.TokenValidationParameters.IssuerSigningKey = key is null ? null : new SymmetricSecurityKey(key);
        o.TokenValidationParameters.RequireSignedTokens = true;
    }

    /// <summary>Rate limits apply per principal; anonymous callers share a bucket per IP address.</summary>
    private static string PartitionKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.Identity.Name
        : "ip:" + context.Connection.RemoteIpAddress;

    public static Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
