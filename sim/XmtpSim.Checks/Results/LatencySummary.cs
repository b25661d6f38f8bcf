namespace XmtpSim.Checks.Results;

/// <summary>Publish-to-apply latency over every apply with a known publish time, milliseconds (nearest-rank percentiles).</summary>
/// <param name="Count">Applies measured.</param>
/// <param name="P50">Median, ms.</param>
/// <param name="P90">90th percentile, ms.</param>
/// <param name="P99">99th percentile, ms.</param>
/// <param name="Max">Maximum, ms.</param>
public sealed record LatencySummary(long Count, double P50, double P90, double P99, double Max);
