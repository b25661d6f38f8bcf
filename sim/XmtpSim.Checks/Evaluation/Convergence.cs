namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// <c>convergence</c>: all live nodes end with the same set of (originator, sequence). Reports the first
/// difference in (originator, sequence) order: the envelope, who holds it and who does not.
/// </summary>
internal static class Convergence
{
    public static CheckResult Evaluate(string name, HistoryAnalysis analysis)
    {
        var live = analysis.Nodes.Where(n => n.Live).ToList();
        var holders = new int[analysis.Envelopes.Count];
        foreach (var node in live)
        {
            foreach (var e in node.Holdings)
            {
                holders[e]++;
            }
        }

        long union = 0, differing = 0;
        var firstIndex = -1;
        for (var e = 0; e < holders.Length; e++)
        {
            if (holders[e] == 0)
            {
                continue;
            }

            union++;
            if (holders[e] < live.Count)
            {
                differing++;
                if (firstIndex < 0 || analysis.Envelopes[e].Id.CompareTo(analysis.Envelopes[firstIndex].Id) < 0)
                {
                    firstIndex = e;
                }
            }
        }

        var evidence = $"{Format.Int(live.Count)} live nodes; {Format.Int(union)} distinct envelopes held; " +
            $"{Format.Int(differing)} held by only some live nodes";
        if (firstIndex < 0)
        {
            return CheckResult.Pass(name, evidence);
        }

        var info = analysis.Envelopes[firstIndex];
        var having = live.Where(n => n.Holds(firstIndex)).Select(n => n.Name);
        var lacking = live.Where(n => !n.Holds(firstIndex)).Select(n => n.Name);
        var originated = info.OriginatedNs >= 0 ? $" (originated at {Format.Seconds(info.OriginatedNs)})" : string.Empty;
        return CheckResult.Fail(
            name,
            evidence,
            $"envelope {Format.Envelope(info.Id)} on {analysis.TopicName(info.Topic)}{originated} is held by {string.Join(", ", having)} " +
            $"but missing at {string.Join(", ", lacking)} at the end ({Format.Seconds(analysis.History.EndNs)})");
    }
}
