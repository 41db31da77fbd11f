using System.Security.Claims;
using Infocentre.Api.Features.Security;

namespace Infocentre.Api.Features.Reports;

/// <summary>
/// Reports and sources restricted to roles (data that is not ministry data, such as the loader's findings):
/// a caller without one of the roles gets a 403 on every route (OData, REST, export) and does not see them in
/// the catalogue list.
/// </summary>
public static class ReportAccess
{
    public static bool Allows(ClaimsPrincipal user, IReadOnlyCollection<string> roles) =>
        roles.Count == 0 || roles.Any(role => Policies.Has(user, role));

    public static string Refusal(string name, IReadOnlyCollection<string> roles) =>
        $"{name} is restricted to the roles {string.Join(", ", roles)}; your credentials have none of them.";
}
