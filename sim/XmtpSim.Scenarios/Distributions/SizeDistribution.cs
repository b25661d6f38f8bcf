namespace XmtpSim.Scenarios.Distributions;

/// <summary>
/// A distribution of sizes: <see cref="Bytes"/> is over bytes; samples are rounded to a whole
/// number of bytes, at least <see cref="MinimumBytes"/> (1: an empty payload is not a message).
/// </summary>
public sealed record SizeDistribution(IDistribution Bytes)
{
    /// <summary>The smallest size a sample is clamped to, in bytes.</summary>
    public const long MinimumBytes = 1;

    /// <summary>A distribution that is always <paramref name="bytes"/> bytes.</summary>
    public static SizeDistribution Constant(long bytes) => new(new ConstantDistribution(bytes));

    /// <summary>Draws one size in bytes.</summary>
    public long Sample(Random rng) => ToBytes(Bytes.Sample(rng));

    /// <summary>The mean size in bytes (unrounded; +∞ when infinite).</summary>
    public double Mean => Bytes.Mean;

    /// <summary>The <paramref name="p"/> quantile (0..1) in bytes.</summary>
    public long Quantile(double p) => ToBytes(Bytes.Quantile(p));

    private static long ToBytes(double bytes) =>
        bytes >= long.MaxValue ? long.MaxValue : Math.Max(MinimumBytes, (long)Math.Round(bytes, MidpointRounding.AwayFromZero));
}
