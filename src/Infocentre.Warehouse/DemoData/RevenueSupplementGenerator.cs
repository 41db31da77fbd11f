using System.Globalization;
using Infocentre.Warehouse.Facts;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// The small revenue facts around the titres: receipts still unmatched at the date d'arrêté, LFI forecasts per
/// programme and ligne de recette (drawn around what the titres of the exercice amount to), and the produits à
/// recevoir of each 31/12 (estimated from the titres of the last quarter: services of the year not yet invoiced).
/// </summary>
internal sealed class RevenueSupplementGenerator(DemoModel model, RevenueGenerator revenue)
{
    private const int SeedOffset = 9;

    public IEnumerable<UnmatchedReceipt> UnmatchedReceipts()
    {
        var profile = model.Profile;
        var random = new Random(profile.Seed + SeedOffset);
        var perExercice = Math.Max(4, profile.TitresPerExercice / 50);
        var serial = 0;
        for (var exercice = profile.FirstExercice; exercice <= profile.LastExercice; exercice++)
        {
            // Most receipts of earlier years were matched since: fewer of them are still waiting.
            var count = exercice == profile.LastExercice ? perExercice : Math.Max(1, perExercice / 5);
            for (var i = 0; i < count; i++)
            {
                var centre = random.Pick(model.Centres);
                var date = exercice == profile.LastExercice ? random.DayOfYear(exercice, 1, 366) : random.DayOfYear(exercice, 200, 366);
                var mode = random.Weighted<string>([("Virement", 70), ("Chèque", 25), ("Numéraire", 5)]);
                var prefix = mode switch { "Virement" => "VIR", "Chèque" => "CHQ", _ => "NUM" };
                yield return new UnmatchedReceipt
                {
                    Exercice = exercice, Periode = date.Month, SocieteCode = centre.Societe, MinistereCode = centre.MinistereCode,
                    ProgrammeCode = centre.ProgrammeCode, CentreFinancierCode = centre.Centre.Code,
                    Reference = prefix + exercice.ToString(CultureInfo.InvariantCulture) + (++serial).ToString("D6", CultureInfo.InvariantCulture),
                    DateEncaissement = date, ModeReglement = mode,
                    Motif = random.Weighted<string>([("Référence absente", 45), ("Débiteur inconnu", 25), ("Montant discordant", 20), ("Titre déjà soldé", 10)]),
                    Montant = DemoRandom.Euros(random.LogNormalCents(450, 1.2, 15, 250_000)),
                    DateArrete = profile.LastDate,
                };
            }
        }
    }

    public IEnumerable<RevenueForecast> Forecasts()
    {
        var random = new Random(model.Profile.Seed + SeedOffset + 1);
        var constate = new SortedDictionary<(int Exercice, string Programme, string Ligne), (string Ministere, long Cents)>();
        foreach (var t in revenue.Titres().Select(b => b.Titre))
        {
            var key = (t.Exercice, t.ProgrammeCode, t.LigneRecetteCode);
            constate.TryGetValue(key, out var sum);
            constate[key] = (t.MinistereCode, sum.Cents + (long)(t.MontantNet * 100m));
        }

        foreach (var ((exercice, programme, ligne), (ministere, cents)) in constate)
        {
            yield return new RevenueForecast
            {
                Exercice = exercice, MinistereCode = ministere, ProgrammeCode = programme, LigneRecetteCode = ligne,
                MontantPrevisionLfi = DemoRandom.Euros((long)Math.Round(cents * random.Between(0.8, 1.25) / 100.0) * 100),
            };
        }
    }

    public IEnumerable<AccruedRevenue> Accruals()
    {
        var random = new Random(model.Profile.Seed + SeedOffset + 2);
        var lastQuarter = new SortedDictionary<(int Exercice, string Societe, string Programme, string Nature), (string Ministere, string Compte, long Cents)>();
        foreach (var t in revenue.Titres().Select(b => b.Titre).Where(t => t.DateEmission.Month >= 10))
        {
            var key = (t.Exercice, t.SocieteCode, t.ProgrammeCode, t.NatureRecetteCode);
            lastQuarter.TryGetValue(key, out var sum);
            lastQuarter[key] = (t.MinistereCode, t.CompteGeneralCode, sum.Cents + (long)(t.MontantEmis * 100m));
        }

        foreach (var ((exercice, societe, programme, nature), (ministere, compte, cents)) in lastQuarter)
        {
            var amount = (long)Math.Round(cents * random.Between(0.15, 0.45));
            if (amount > 0)
            {
                yield return new AccruedRevenue
                {
                    Exercice = exercice, SocieteCode = societe, MinistereCode = ministere, ProgrammeCode = programme,
                    NatureRecetteCode = nature, CompteGeneralCode = compte, DateInventaire = new DateOnly(exercice, 12, 31),
                    Montant = DemoRandom.Euros(amount),
                };
            }
        }
    }
}
