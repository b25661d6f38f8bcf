using System.Globalization;
using XmtpSim.Checks.Evaluation;
using XmtpSim.Checks.Recording;
using XmtpSim.Scenarios.Checks;

namespace XmtpSim.Checks;

/// <summary>Runs a scenario's checks over a recorded history: pure functions of the journal, never of live actor state.</summary>
public static class CheckRunner
{
    /// <summary>Evaluates <paramref name="checks"/> in order; one result per check.</summary>
    public static IReadOnlyList<CheckResult> Run(IReadOnlyList<Check> checks, RecordedHistory history)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(history);
        var results = new List<CheckResult>(checks.Count);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var check in checks)
        {
            var count = used.GetValueOrDefault(check.Key) + 1;
            used[check.Key] = count;
            var name = count == 1 ? check.Key : check.Key + "_" + count.ToString(CultureInfo.InvariantCulture);
            results.Add(Evaluate(check, name, history));
        }

        return results;
    }

    /// <summary>Evaluates one check under <paramref name="name"/>.</summary>
    public static CheckResult Evaluate(Check check, string name, RecordedHistory history)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(history);
        return check switch
        {
            NoLossCheck => NoLoss.Evaluate(name, history.Analysis),
            CausalOrderCheck => CausalOrder.Evaluate(name, history),
            ChainOrderCheck => ChainOrder.Evaluate(name, history.Analysis),
            ConvergenceCheck => Convergence.Evaluate(name, history.Analysis),
            MisbehaviorDetectedCheck => MisbehaviorDetected.Evaluate(name, history),
            LatencyP99BelowCheck latency => LatencyP99.Evaluate(name, latency.Limit, history),
            DeliveredRatioAtLeastCheck ratio => DeliveredRatio.Evaluate(name, ratio.Ratio, history.Analysis),
            _ => throw new ArgumentException($"no evaluator for check '{check.Key}'", nameof(check)),
        };
    }
}
