using XmtpSim.Checks.Recording;

namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// <c>latency_p99_below</c>: the nearest-rank p99 of publish-to-apply latency, over every apply with a known
/// publish time, is strictly below the limit. With no such apply the check passes vacuously.
/// </summary>
internal static class LatencyP99
{
    public static CheckResult Evaluate(string name, TimeSpan limit, RecordedHistory history)
    {
        var sorted = history.Analysis.SortedLatencies;
        var limitNs = limit.Ticks * TimeSpan.NanosecondsPerTick;
        if (sorted.Count == 0)
        {
            return CheckResult.Pass(name, $"no applies with a known publish time (limit {Format.Millis(limitNs)})");
        }

        var p99 = Percentiles.NearestRank(sorted, 99);
        var over = sorted.Count - LowerBound(sorted, limitNs);
        var evidence = $"p99 {Format.Millis(p99)} {(p99 < limitNs ? "<" : ">=")} {Format.Millis(limitNs)} over {Format.Int(sorted.Count)} applies " +
            $"(p50 {Format.Millis(Percentiles.NearestRank(sorted, 50))}, max {Format.Millis(sorted[^1])}; {Format.Int(over)} at or over the limit)";
        if (p99 < limitNs)
        {
            return CheckResult.Pass(name, evidence);
        }

        foreach (var apply in history.Applies)
        {
            if (apply.LatencyNs >= limitNs)
            {
                var node = apply.ReadNode >= 0 ? $" from {history.Actors[apply.ReadNode]}" : string.Empty;
                return CheckResult.Fail(
                    name,
                    evidence,
                    $"envelope {Format.Envelope(apply.Envelope)} on {history.Topics[apply.Topic]} published at {Format.Seconds(apply.PublishedNs)} " +
                    $"was applied by {history.Actors[apply.Client]}{node} at {Format.Seconds(apply.TimeNs)}: {Format.Millis(apply.LatencyNs)}");
            }
        }

        return CheckResult.Fail(name, evidence, "no single apply reached the limit");
    }

    private static int LowerBound(IReadOnlyList<long> sorted, long value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
