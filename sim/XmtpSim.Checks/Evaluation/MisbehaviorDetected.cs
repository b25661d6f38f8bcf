using XmtpSim.Checks.Recording;

namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// <c>misbehavior_detected</c>: every Byzantine act in the journal (a fault event of kind <c>byzantine</c>, whose
/// detail starts with the node's actor name) is matched by a later misbehavior report accusing that node. No
/// Byzantine behaviour exists yet, so today this passes vacuously.
/// </summary>
internal static class MisbehaviorDetected
{
    public const string ByzantineFault = "byzantine";

    public static CheckResult Evaluate(string name, RecordedHistory history)
    {
        var acts = history.Faults.Where(f => f.Fault == ByzantineFault).ToList();
        if (acts.Count == 0)
        {
            return CheckResult.Pass(name, $"no byzantine acts in the journal ({Format.Int(history.MisbehaviorReports.Count)} misbehavior reports)");
        }

        var unreported = acts.Where(a => !history.MisbehaviorReports.Any(r => r.Accused == Accused(a) && r.TimeNs >= a.TimeNs)).ToList();
        var evidence = $"{Format.Int(acts.Count - unreported.Count)}/{Format.Int(acts.Count)} byzantine acts reported " +
            $"({Format.Int(history.MisbehaviorReports.Count)} misbehavior reports)";
        if (unreported.Count == 0)
        {
            return CheckResult.Pass(name, evidence);
        }

        var first = unreported[0];
        return CheckResult.Fail(
            name,
            evidence,
            $"byzantine act by {Accused(first)} at {Format.Seconds(first.TimeNs)} ({first.Detail}) has no misbehavior report accusing it");
    }

    private static string Accused(FaultRecord fault)
    {
        var detail = fault.Detail.Trim();
        var space = detail.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? detail : detail[..space];
    }
}
