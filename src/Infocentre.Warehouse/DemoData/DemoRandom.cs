namespace Infocentre.Warehouse.DemoData;

/// <summary>Draws used by the generators, all from a seeded <see cref="Random"/> (never the shared instance).</summary>
internal static class DemoRandom
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static double Between(this Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    /// <summary>An integer in [low, high] (both included).</summary>
    public static int Inclusive(this Random random, int low, int high) => random.Next(low, high + 1);

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Picks a value with probability proportional to its weight.</summary>
    public static T Weighted<T>(this Random random, IReadOnlyList<(T Value, int Weight)> items)
    {
        var total = 0;
        foreach (var item in items)
        {
            total += item.Weight;
        }

        var draw = random.Next(total);
        foreach (var item in items)
        {
            draw -= item.Weight;
            if (draw < 0)
            {
                return item.Value;
            }
        }

        return items[^1].Value;
    }

    /// <summary>A log-normal amount in cents with the given median (euros) and spread, clamped to [min, max] euros.</summary>
    public static long LogNormalCents(this Random random, double medianEuros, double sigma, double minEuros, double maxEuros)
    {
        // Box-Muller: two uniform draws, always both consumed.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        var euros = Math.Clamp(medianEuros * Math.Exp(sigma * normal), minEuros, maxEuros);
        return (long)Math.Round(euros * 100.0, MidpointRounding.AwayFromZero);
    }

    /// <summary>A day of <paramref name="year"/> between day-of-year <paramref name="fromDay"/> and <paramref name="toDay"/> (1-based, clamped to the year).</summary>
    public static DateOnly DayOfYear(this Random random, int year, int fromDay = 1, int toDay = 366)
    {
        var first = new DateOnly(year, 1, 1);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var offset = random.Inclusive(Math.Clamp(fromDay, 1, days), Math.Clamp(toDay, 1, days)) - 1;
        return first.AddDays(offset);
    }

    /// <summary>Splits <paramref name="totalCents"/> into <paramref name="parts"/> positive parts with random weights (sum exact).</summary>
    public static long[] Split(this Random random, long totalCents, int parts)
    {
        var result = new long[parts];
        if (parts == 1)
        {
            result[0] = totalCents;
            return result;
        }

        var weights = new double[parts];
        var sum = 0.0;
        for (var i = 0; i < parts; i++)
        {
            weights[i] = random.Between(0.5, 1.5);
            sum += weights[i];
        }

        long assigned = 0;
        for (var i = 0; i < parts - 1; i++)
        {
            result[i] = Math.Max(1, (long)(totalCents * weights[i] / sum));
            assigned += result[i];
        }

        result[parts - 1] = totalCents - assigned;
        return result;
    }

    public static decimal Euros(long cents) => cents / 100m;
}
