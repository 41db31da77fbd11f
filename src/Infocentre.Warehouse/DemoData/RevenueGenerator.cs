using System.Globalization;
using Infocentre.Warehouse.Facts;

namespace Infocentre.Warehouse.DemoData;

/// <summary>A titre de perception with its collections and, if any, the date it was partly or wholly cancelled.</summary>
internal sealed class RevenueBatch
{
    public required RevenueOrder Titre { get; init; }
    public DateOnly? CancelledOn { get; set; }
    public List<RevenueReceipt> Receipts { get; } = [];
}

/// <summary>
/// Non-tax revenue: titres de perception issued on the programmes' centres financiers, some cancelled in part
/// or in whole, collected in one or two receipts, in part, or not at all. Σ collected ≤ issued − cancelled
/// per titre by construction; nothing is dated after the cut-off.
/// </summary>
internal sealed class RevenueGenerator(DemoModel model)
{
    private const int SeedOffset = 2;

    private static readonly int[] FineProgrammes = [152, 176, 207];

    public IEnumerable<RevenueBatch> Titres()
    {
        var profile = model.Profile;
        var cutoff = profile.LastDate;
        var random = new Random(profile.Seed + SeedOffset);
        var otherNatures = model.NaturesRecette.Where(n => n.Code != "AMD").ToArray();
        var details = new RevenueDetails(model);
        for (var exercice = profile.FirstExercice; exercice <= profile.LastExercice; exercice++)
        {
            for (var i = 0; i < profile.TitresPerExercice; i++)
            {
                var centre = random.Pick(model.Centres);
                var fines = FineProgrammes.Contains(centre.Programme.Numero) && random.Chance(0.6);
                var nature = fines ? "AMD" : random.Pick(otherNatures).Code;
                var client = random.Pick(model.Clients);
                var emission = random.DayOfYear(exercice);
                var issued = fines ? random.LogNormalCents(135, 0.5, 35, 3_750) : random.LogNormalCents(900, 1.4, 20, 2_000_000);
                var cancelled = random.Chance(0.07) ? (long)Math.Round(issued * random.Between(0.2, 1.0)) : 0;
                var cancelledOn = emission.AddDays(random.Inclusive(10, 90));
                if (cancelledOn > cutoff)
                {
                    cancelled = 0;
                }

                var titre = new RevenueOrder
                {
                    Exercice = exercice, Periode = emission.Month, SocieteCode = centre.Societe, MinistereCode = centre.MinistereCode,
                    ProgrammeCode = centre.ProgrammeCode, CentreFinancierCode = centre.Centre.Code,
                    TitreNumero = exercice.ToString(CultureInfo.InvariantCulture) + (i + 1).ToString("D6", CultureInfo.InvariantCulture),
                    ClientCode = client.Code, NatureRecetteCode = nature, CompteGeneralCode = model.NatureRecetteCompte[nature],
                    DateEmission = emission, DateEcheance = emission.AddDays(fines ? 45 : 30),
                    MontantEmis = DemoRandom.Euros(issued), MontantAnnule = DemoRandom.Euros(cancelled),
                };
                var batch = new RevenueBatch { Titre = titre, CancelledOn = cancelled > 0 ? cancelledOn : null };

                var remaining = issued - cancelled;
                var plan = random.Next(100);
                long[] amounts = plan switch
                {
                    _ when remaining <= 0 => [],
                    < 52 => [remaining],
                    < 65 => random.Split(remaining, 2),
                    < 85 => [Math.Max(1, (long)Math.Round(remaining * random.Between(0.2, 0.9)))],
                    _ => [],
                };
                var date = emission;
                var mode = random.Weighted<string>([("Virement", 60), ("Chèque", 15), ("Carte", 15), ("Numéraire", 3), ("Compensation", 7)]);
                foreach (var amount in amounts)
                {
                    date = date.AddDays(date == emission ? random.Inclusive(5, 120) : random.Inclusive(15, 90));
                    if (date > cutoff || amount <= 0)
                    {
                        break;
                    }

                    batch.Receipts.Add(new RevenueReceipt
                    {
                        Exercice = date.Year, Periode = date.Month, SocieteCode = titre.SocieteCode, MinistereCode = titre.MinistereCode,
                        ProgrammeCode = titre.ProgrammeCode, CentreFinancierCode = titre.CentreFinancierCode, TitreNumero = titre.TitreNumero,
                        ClientCode = titre.ClientCode, NatureRecetteCode = nature, DateEncaissement = date, ModeReglement = mode,
                        Montant = DemoRandom.Euros(amount),
                    });
                }

                details.Complete(batch);
                yield return batch;
            }
        }
    }
}
