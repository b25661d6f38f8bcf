using XmtpSim.Checks.Recording;

namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// <c>no_loss</c>: every acknowledged envelope reaches every live node (an originate or store event) and every
/// client that joined its topic and should get it (the join rule of <see cref="HistoryAnalysis"/>) by the end.
/// Nodes that crashed and were not restarted are not live and are excluded.
/// </summary>
internal static class NoLoss
{
    public static CheckResult Evaluate(string name, HistoryAnalysis analysis)
    {
        var live = analysis.Nodes.Where(n => n.Live).ToList();
        long missingCopies = 0;
        string? firstNode = null;
        foreach (var e in analysis.Acked)
        {
            foreach (var node in live)
            {
                if (node.Holds(e))
                {
                    continue;
                }

                missingCopies++;
                if (firstNode is null)
                {
                    var info = analysis.Envelopes[e];
                    firstNode = $"envelope {Format.Envelope(info.Id)} on {analysis.TopicName(info.Topic)} " +
                        $"(acknowledged to {analysis.History.Actors[info.AckClient]} at {Format.Seconds(info.AckNs)}) " +
                        $"never reached {node.Name} by the end ({Format.Seconds(analysis.History.EndNs)})";
                }
            }
        }

        var copies = (long)analysis.Acked.Count * live.Count;
        var excluded = analysis.Nodes.Where(n => !n.Live).Select(n => $"{n.Name} crashed at {Format.Seconds(n.CrashedNs)}").ToList();
        var evidence = $"{Format.Int(analysis.Acked.Count)} acknowledged envelopes; " +
            $"{Format.Int(copies - missingCopies)}/{Format.Int(copies)} node copies at {Format.Int(live.Count)} live nodes" +
            (excluded.Count > 0 ? $" (excluded: {string.Join(", ", excluded)})" : string.Empty) +
            $"; {Format.Int(analysis.AppliedExpected)}/{Format.Int(analysis.ExpectedDeliveries)} expected client deliveries";
        if (firstNode is not null)
        {
            return CheckResult.Fail(name, evidence, firstNode);
        }

        return analysis.FirstMissingDelivery is { } missing
            ? CheckResult.Fail(name, evidence, Describe(missing))
            : CheckResult.Pass(name, evidence);
    }

    internal static string Describe(MissingDelivery missing) =>
        $"envelope {Format.Envelope(missing.Envelope)} on {missing.Topic} (acknowledged at {Format.Seconds(missing.AckNs)}) " +
        $"was never applied by {missing.Client} (joined at commit {Format.Int((long)missing.JoinCommit)} at {Format.Seconds(missing.JoinNs)}); " +
        $"{Format.Int(missing.MissingCount)} expected deliveries missing";
}
