namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// <c>delivered_ratio_at_least</c>: applied / expected over the no_loss client expectation is at least the
/// threshold (1 when nothing is expected).
/// </summary>
internal static class DeliveredRatio
{
    public static double Of(HistoryAnalysis analysis) =>
        analysis.ExpectedDeliveries == 0 ? 1.0 : (double)analysis.AppliedExpected / analysis.ExpectedDeliveries;

    public static CheckResult Evaluate(string name, double threshold, HistoryAnalysis analysis)
    {
        var ratio = Of(analysis);
        var passed = ratio >= threshold;
        var evidence = $"{Format.Int(analysis.AppliedExpected)}/{Format.Int(analysis.ExpectedDeliveries)} expected deliveries applied = " +
            $"{Format.Ratio(ratio)} {(passed ? ">=" : "<")} {Format.Ratio(threshold)}";
        if (passed)
        {
            return CheckResult.Pass(name, evidence);
        }

        return CheckResult.Fail(name, evidence, analysis.FirstMissingDelivery is { } missing ? NoLoss.Describe(missing) : "no missing delivery recorded");
    }
}
