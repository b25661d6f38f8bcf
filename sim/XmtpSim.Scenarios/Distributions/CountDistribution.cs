namespace XmtpSim.Scenarios.Distributions;

/// <summary>
/// A distribution of whole counts (group sizes, members, retries): samples are rounded to the
/// nearest integer (halves away from zero) and never negative. Consumers that need a tighter
/// range (a group has 1..clients members) clamp with <see cref="Sample(Random, long, long)"/>.
/// </summary>
public sealed record CountDistribution(IDistribution Values)
{
    /// <summary>A distribution that is always <paramref name="value"/>.</summary>
    public static CountDistribution Constant(long value) => new(new ConstantDistribution(value));

    /// <summary>Draws one count.</summary>
    public long Sample(Random rng) => ToCount(Values.Sample(rng));

    /// <summary>Draws one count, clamped to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long Sample(Random rng, long min, long max) => Math.Clamp(Sample(rng), min, max);

    /// <summary>The mean count (unrounded; +∞ when infinite).</summary>
    public double Mean => Values.Mean;

    /// <summary>The <paramref name="p"/> quantile (0..1).</summary>
    public long Quantile(double p) => ToCount(Values.Quantile(p));

    /// <summary>The largest count a sample can take; <see cref="long.MaxValue"/> when unbounded.</summary>
    public long UpperBound => ToCount(Values.UpperBound);

    private static long ToCount(double value) =>
        value >= long.MaxValue ? long.MaxValue : Math.Max(0, (long)Math.Round(value, MidpointRounding.AwayFromZero));
}
