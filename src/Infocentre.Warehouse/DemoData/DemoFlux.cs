using System.Globalization;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// The interface flow of a demo DP, derived from its number rather than drawn from the generator's random
/// sequence, so that adding it left every other generated value unchanged.
/// </summary>
internal static class DemoFlux
{
    public static string Of(string dpNumero, string? typeEj)
    {
        var bucket = (int)(long.Parse(dpNumero, CultureInfo.InvariantCulture) % 20);
        return typeEj switch
        {
            // Subsidies come from the ministries' grant applications (flux 3) or are keyed in Chorus.
            "ZSUB" or "ZDEC" => bucket < 13 ? "FLUX3" : "FLUX1",
            // Orders and contracts: supplier invoices through Chorus Pro.
            not null => bucket < 15 ? "FLUX2" : bucket < 18 ? "FLUX1" : "FLUX3",
            // DP without EJ: travel and purchasing-card expenses, utilities.
            null => bucket < 8 ? "FLUX4" : bucket < 14 ? "FLUX1" : "FLUX2",
        };
    }
}
