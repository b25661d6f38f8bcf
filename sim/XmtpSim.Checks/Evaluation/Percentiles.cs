namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// Exact percentiles over a sorted array by the nearest-rank method: the p-th percentile of N values is the
/// value at rank ⌈p/100 · N⌉ (1-based), so it is always an observed value and the result is deterministic.
/// </summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percentile"/>-th (0..100) value of ascending <paramref name="sorted"/>; 0 when empty.</summary>
    public static long NearestRank(IReadOnlyList<long> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile * sorted.Count / 100.0);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
