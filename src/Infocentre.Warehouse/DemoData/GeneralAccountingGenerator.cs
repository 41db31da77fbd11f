using Infocentre.Warehouse.Facts;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// The two small general-accounting facts: off-balance-sheet commitments (deterministic encours rolled from one
/// exercice to the next) and the full-cost analysis read from the ledger lines themselves.
/// </summary>
internal sealed class GeneralAccountingGenerator(DemoModel model)
{
    private const int SeedOffset = 6;

    /// <summary>Nature code, whether it is followed per programme (else per ministère), relative size.</summary>
    private static readonly (string Nature, bool PerProgramme, double Size)[] Natures =
    [
        ("GAR", false, 3.0), ("LIT", false, 0.4), ("RAP", true, 1.5), ("FIN", true, 0.8),
    ];

    public IEnumerable<OffBalanceCommitment> Commitments()
    {
        var profile = model.Profile;
        var random = new Random(profile.Seed + SeedOffset);
        foreach (var ministere in model.Ministeres)
        {
            var programmes = model.Programmes.Where(p => p.MinistereCode == ministere.Code).Select(p => (string?)p.Code).ToList();
            foreach (var (nature, perProgramme, size) in Natures)
            {
                foreach (var programme in perProgramme ? programmes : [null])
                {
                    var encours = random.LogNormalCents(30_000_000 * size, 0.9, 100_000, 5_000_000_000);
                    for (var exercice = profile.FirstExercice; exercice <= profile.LastExercice; exercice++)
                    {
                        var nouveaux = (long)Math.Round(encours * random.Between(0.05, 0.4));
                        var eteints = (long)Math.Round(encours * random.Between(0.05, 0.35));
                        var cloture = encours + nouveaux - eteints;
                        yield return new OffBalanceCommitment
                        {
                            Exercice = exercice, MinistereCode = ministere.Code, ProgrammeCode = programme, NatureCode = nature,
                            MontantOuverture = DemoRandom.Euros(encours), MontantNouveaux = DemoRandom.Euros(nouveaux),
                            MontantEteints = DemoRandom.Euros(eteints), MontantCloture = DemoRandom.Euros(cloture),
                        };
                        encours = cloture;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Direct cost per exercice, programme, action and centre de coûts: Σ (débit − crédit) of the class-6 lines
    /// that carry a programme. The ministère's class-6 lines without a programme are allocated to those keys in
    /// proportion to their (positive) direct cost, to the cent, the rounding remainder going to the largest keys.
    /// </summary>
    public IEnumerable<FullCost> FullCosts(IEnumerable<LedgerEntry> ledger)
    {
        var actionOf = model.DomainesFonctionnels.ToDictionary(d => d.Code, d => d.ActionCode, StringComparer.Ordinal);
        var direct = new Dictionary<(int Exercice, string Ministere, string Programme, string? Action, string? CentreCouts), long>();
        var pools = new Dictionary<(int Exercice, string Ministere), long>();
        foreach (var line in ledger.Where(l => l.CompteGeneralCode[0] == '6'))
        {
            var net = (long)(line.Debit * 100m) - (long)(line.Credit * 100m);
            if (line.ProgrammeCode is { } programme)
            {
                var action = line.DomaineFonctionnelCode is { } df ? actionOf[df] : null;
                var key = (line.Exercice, line.MinistereCode, programme, action, line.CentreCoutsCode);
                direct[key] = direct.GetValueOrDefault(key) + net;
            }
            else
            {
                var key = (line.Exercice, line.MinistereCode);
                pools[key] = pools.GetValueOrDefault(key) + net;
            }
        }

        var ordered = direct.OrderBy(d => d.Key.Exercice).ThenBy(d => d.Key.Ministere, StringComparer.Ordinal)
            .ThenBy(d => d.Key.Programme, StringComparer.Ordinal).ThenBy(d => d.Key.Action, StringComparer.Ordinal)
            .ThenBy(d => d.Key.CentreCouts, StringComparer.Ordinal).ToList();
        foreach (var ministry in ordered.GroupBy(d => (d.Key.Exercice, d.Key.Ministere)))
        {
            var keys = ministry.ToList();
            var allocated = Allocate(pools.GetValueOrDefault(ministry.Key), [.. keys.Select(k => Math.Max(k.Value, 0))]);
            for (var i = 0; i < keys.Count; i++)
            {
                var (exercice, ministere, programme, action, centre) = keys[i].Key;
                yield return new FullCost
                {
                    Exercice = exercice, MinistereCode = ministere, ProgrammeCode = programme, ActionCode = action, CentreCoutsCode = centre,
                    CoutDirect = DemoRandom.Euros(keys[i].Value), CoutDeverse = DemoRandom.Euros(allocated[i]),
                };
            }
        }
    }

    /// <summary>Largest-remainder split of <paramref name="pool"/> cents in proportion to <paramref name="weights"/>.</summary>
    private static long[] Allocate(long pool, long[] weights)
    {
        var result = new long[weights.Length];
        var total = weights.Sum(w => (decimal)w);
        if (total <= 0 || pool == 0)
        {
            return result;
        }

        var remainders = new decimal[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            // In decimal: a ministère's pool times one key's cents overflows a long on the demo sizes.
            var exact = (decimal)pool * weights[i] / total;
            result[i] = (long)decimal.Truncate(exact);
            remainders[i] = exact - result[i];
        }

        var left = pool - result.Sum();
        var step = Math.Sign(left);
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => step * remainders[i]).ThenBy(i => i).Take((int)Math.Abs(left)))
        {
            result[i] += step;
        }

        return result;
    }
}
