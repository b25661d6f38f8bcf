namespace XmtpSim.Reports.Charts;

/// <summary>
/// Fixed-width bins of simulated time for drawing: the smallest "nice" width (1 s … 1 h) that keeps a series at or
/// under <see cref="MaxBins"/> points. The CSV files keep the full-resolution data.
/// </summary>
/// <param name="WidthNs">Bin width, nanoseconds.</param>
/// <param name="Count">Bins covering [0, end].</param>
public sealed record TimeBins(long WidthNs, int Count)
{
    /// <summary>Most points a time series is drawn with.</summary>
    public const int MaxBins = 1000;

    private static readonly long[] WidthsSeconds = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400];

    /// <summary>Bin width, seconds.</summary>
    public double WidthSeconds => WidthNs / 1e9;

    /// <summary>Bins for a run ending at <paramref name="endNs"/>, at least <paramref name="minSeconds"/> wide.</summary>
    public static TimeBins For(long endNs, long minSeconds = 1)
    {
        var end = Math.Max(1, endNs);
        foreach (var seconds in WidthsSeconds.Where(s => s >= minSeconds))
        {
            var width = seconds * 1_000_000_000L;
            var count = (int)Math.Min(int.MaxValue, (end / width) + 1);
            if (count <= MaxBins)
            {
                return new TimeBins(width, count);
            }
        }

        var widest = WidthsSeconds[^1] * 1_000_000_000L;
        return new TimeBins(widest, (int)((end / widest) + 1));
    }

    /// <summary>The bin holding time <paramref name="ns"/> (clamped to the last bin).</summary>
    public int Of(long ns) => (int)Math.Clamp(Math.Max(0, ns) / WidthNs, 0, Count - 1);

    /// <summary>Centre of bin <paramref name="bin"/>, seconds.</summary>
    public double Centre(int bin) => (bin + 0.5) * WidthSeconds;
}
