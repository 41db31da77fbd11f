using System.Security.Claims;
using Infocentre.Warehouse.Access;

namespace Infocentre.Access;

/// <summary>Reads a principal's perimeter from its claims. Without a ministry claim, the principal sees nothing.</summary>
public static class PrincipalPerimeter
{
    public static WarehousePerimeter Of(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return WarehousePerimeter.Nothing;
        }

        if (principal.HasClaim(InfocentreClaims.Perimetre, InfocentreClaims.Interministeriel))
        {
            return WarehousePerimeter.Everything;
        }

        return WarehousePerimeter.Of(
            principal.FindAll(InfocentreClaims.Ministere).Select(c => c.Value),
            principal.FindAll(InfocentreClaims.Programme).Select(c => c.Value));
    }
}
