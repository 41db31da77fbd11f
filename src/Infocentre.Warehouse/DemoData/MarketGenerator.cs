using Infocentre.Warehouse.Dimensions;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// The marchés and accords-cadres behind the EJ of types ZM*: one per ministère, type of EJ and titulaire
/// (<see cref="SpendingEnrichment.MarcheNumero"/>), notified before its first EJ, with a maximum amount above
/// what its EJ engage.
/// </summary>
internal static class MarketGenerator
{
    private const int SeedOffset = 202;

    public static IEnumerable<Marche> Marches(DemoModel model, IEnumerable<SpendingBatch> batches)
    {
        var comptes = model.ComptesGeneraux.ToDictionary(c => c.Code, c => c.Libelle, StringComparer.Ordinal);
        var marches = new SortedDictionary<string, (string Ministere, string Type, string Titulaire, string Compte, DateOnly First, decimal Engage)>(StringComparer.Ordinal);
        foreach (var line in batches.SelectMany(b => b.Engagements))
        {
            if (line.MarcheNumero is not { } numero || line.TypeMontantCode == "350")
            {
                continue;
            }

            marches[numero] = marches.TryGetValue(numero, out var m)
                ? m with { First = line.DateCreationEj < m.First ? line.DateCreationEj : m.First, Engage = m.Engage + line.MontantEngage }
                : (line.MinistereCode, line.TypeEjCode, line.TiersCode, line.CompteGeneralCode, line.DateCreationEj, line.MontantEngage);
        }

        var random = new Random(model.Profile.Seed + SeedOffset);
        foreach (var (numero, m) in marches)
        {
            var (nature, libelle) = m.Type switch
            {
                "ZMBC" or "ZMPC" => ("ACBC", "Accord-cadre à bons de commande"),
                "ZMT" or "ZMPT" => ("MTRA", "Marché à tranches"),
                "ZMX" or "ZMPX" => ("MMIX", "Marché mixte"),
                _ => ("MORD", "Marché ordinaire"),
            };
            var notification = m.First.AddDays(-random.Inclusive(10, 90));
            var maximum = Math.Ceiling(Math.Max(m.Engage, 1_000m) * (decimal)random.Between(1.1, 1.8) / 1_000m) * 1_000m;
            yield return new Marche
            {
                Numero = numero,
                Objet = $"{libelle} : {(comptes.TryGetValue(m.Compte, out var compte) ? compte : m.Compte).ToLowerInvariant()}",
                NatureCode = nature,
                ProcedureCode = m.Type.StartsWith("ZMP", StringComparison.Ordinal) ? "MAPA" : "AOO",
                MinistereCode = m.Ministere,
                TitulaireCode = m.Titulaire,
                DateNotification = notification,
                DateFin = notification.AddYears(random.Inclusive(1, 4)),
                MontantMaximum = maximum,
            };
        }
    }
}
