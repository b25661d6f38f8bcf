namespace XmtpSim.Checks.Results;

/// <summary>Fee per originated envelope (base plus congestion), picodollars, nearest-rank percentiles.</summary>
/// <param name="P50">Median, picodollars.</param>
/// <param name="P99">99th percentile, picodollars.</param>
public sealed record PerMessageFees(long P50, long P99);
