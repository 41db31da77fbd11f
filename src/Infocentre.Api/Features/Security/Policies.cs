using System.Security.Claims;
using Infocentre.Access;
using Microsoft.AspNetCore.Authorization;

namespace Infocentre.Api.Features.Security;

/// <summary>Authorization policies, one per role; roles are cumulative (see <see cref="Roles.Expand"/>).</summary>
public static class Policies
{
    public const string Read = "read";
    public const string Export = "export";
    public const string Load = "load";
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, Requiring(Roles.Reader));
        options.AddPolicy(Export, Requiring(Roles.Exporter));
        options.AddPolicy(Load, Requiring(Roles.Loader));
        options.AddPolicy(Admin, Requiring(Roles.Admin));
        // Every endpoint needs an authenticated reader unless it says otherwise (health, root page).
        options.FallbackPolicy = Requiring(Roles.Reader);
    }

    public static bool Has(ClaimsPrincipal user, string role) =>
        user.FindAll(InfocentreClaims.Role).Any(c => Roles.Expand(c.Value).Contains(role, StringComparer.Ordinal));

    private static AuthorizationPolicy Requiring(string role) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(context => Has(context.User, role))
        .Build();
}
