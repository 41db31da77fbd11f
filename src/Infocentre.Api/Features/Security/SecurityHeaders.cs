namespace Infocentre.Api.Features.Security;

/// <summary>Response headers that keep browsers from sniffing, framing or leaking what the API returns.</summary>
public static class SecurityHeaders
{
    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "interest-cohort=()";
        // Swagger UI serves its own scripts and styles; every other response is data or a static page.
        if (!context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            // Answers depend on the caller's perimeter: no browser or shared proxy may keep or replay them.
            headers.CacheControl = "no-store";
        }

        await next(context);
    });
}
