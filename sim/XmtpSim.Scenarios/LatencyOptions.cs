using XmtpSim.Scenarios.Distributions;

namespace XmtpSim.Scenarios;

/// <summary>One-way message latency on a link (scenario key <c>network.latency</c>).</summary>
/// <param name="Default">Latency of any link without a <see cref="Between"/> entry (default lognormal, median 40ms, p99 150ms).</param>
/// <param name="Between">Per region pair overrides, in file order (default none).</param>
public sealed record LatencyOptions(DurationDistribution Default, IReadOnlyList<RegionPairLatency> Between)
{
    /// <summary>The default link latency: lognormal with median 40 ms and p99 150 ms.</summary>
    public static DurationDistribution DefaultLatency { get; } =
        new(new LogNormalDistribution(0.040, 0.150));

    /// <summary>
    /// The latency from region <paramref name="from"/> to region <paramref name="to"/>: the entry for
    /// that direction, else the entry for the reverse direction, else <see cref="Default"/>.
    /// </summary>
    public DurationDistribution For(string from, string to)
    {
        RegionPairLatency? reverse = null;
        foreach (var pair in Between)
        {
            if (pair.From == from && pair.To == to)
            {
                return pair.Latency;
            }

            if (pair.From == to && pair.To == from)
            {
                reverse = pair;
            }
        }

        return reverse?.Latency ?? Default;
    }
}
