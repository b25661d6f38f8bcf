using System.Runtime.InteropServices;
using XmtpSim.Checks.Evaluation;
using XmtpSim.Checks.Recording;

namespace XmtpSim.Checks.Results;

/// <summary>Builds <see cref="RunResults"/> from a recorded history and the check verdicts; deterministic.</summary>
public static class RunResultsBuilder
{
    private const double NsPerMs = 1e6;

    /// <summary>The results of a run.</summary>
    public static RunResults Build(RunInfo info, RecordedHistory history, IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(checks);
        var analysis = history.Analysis;
        var latencies = analysis.SortedLatencies;
        var latency = new LatencySummary(
            latencies.Count,
            Ms(Percentiles.NearestRank(latencies, 50)),
            Ms(Percentiles.NearestRank(latencies, 90)),
            Ms(Percentiles.NearestRank(latencies, 99)),
            Ms(latencies.Count == 0 ? 0 : latencies[^1]));
        var delivery = new DeliverySummary(
            analysis.Acked.Count, history.PublishFailures.Count, analysis.ExpectedDeliveries, analysis.AppliedExpected, DeliveredRatio.Of(analysis),
            history.Applies.DependencyDroppedCount);
        return new RunResults(
            info.Scenario,
            info.Seed,
            info.JournalSha256,
            info.SimSeconds,
            info.WallSeconds,
            history.EventCount,
            history.Publishes.Count,
            history.Applies.Count,
            latency,
            checks,
            Fees(history),
            [.. history.Faults.Select(f => new FaultEntry(f.TimeNs, f.Fault, f.Detail))],
            [.. history.MisbehaviorReports.Select(r => new MisbehaviorReportEntry(r.TimeNs, r.Accused, r.Reporter, r.Fields))],
            info.Crypto,
            delivery,
            Traffic(history),
            Chain(history),
            Replication(history, analysis),
            [.. history.EventsByKind])
        {
            Wall = info.Wall,
        };
    }

    private static double Ms(long ns) => ns / NsPerMs;

    private static FeeSummary Fees(RecordedHistory history)
    {
        var perMessage = new long[history.Originations.Count];
        long total = 0, baseFees = 0, congestion = 0, units = 0;
        var byKind = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var byPayer = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var byNode = new SortedDictionary<uint, long>();
        var i = 0;
        foreach (var o in history.Originations)
        {
            perMessage[i++] = o.TotalFee;
            total += o.TotalFee;
            baseFees += o.BaseFee;
            congestion += o.CongestionFee;
            units += o.CongestionUnits;
            var topic = o.Topic < 0 ? "unknown" : history.Topics[o.Topic];
            var slash = topic.IndexOf('/', StringComparison.Ordinal);
            var kind = slash < 0 ? topic : topic[..slash];
            if (!byKind.TryGetValue(kind, out var kindRow))
            {
                kindRow = new long[3];
                byKind.Add(kind, kindRow);
            }

            kindRow[0]++;
            kindRow[1] += o.BaseFee;
            kindRow[2] += o.CongestionFee;
            var payer = history.Payers[o.Payer];
            byPayer[payer] = byPayer.GetValueOrDefault(payer) + o.TotalFee;
            var nodeId = ActorNames.TryParseNode(history.Actors[o.Node], out var id) ? id : o.Envelope.Originator;
            byNode[nodeId] = byNode.GetValueOrDefault(nodeId) + o.TotalFee;
        }

        Array.Sort(perMessage);
        return new FeeSummary(
            total,
            new PerMessageFees(Percentiles.NearestRank(perMessage, 50), Percentiles.NearestRank(perMessage, 99)),
            [.. byPayer],
            [.. byNode.Select(kv => KeyValuePair.Create(ActorNames.Node(kv.Key), kv.Value))],
            baseFees,
            congestion,
            history.FeeMismatches,
            history.Originations.Count,
            units,
            [.. byKind.Select(kv => new KindFees(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2]))]);
    }

    private static TrafficSummary Traffic(RecordedHistory history)
    {
        var byType = history.Messages
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new MessageTypeSummary(kv.Key, kv.Value.Sent, kv.Value.Delivered, kv.Value.Dropped, kv.Value.SentBytes))
            .ToList();
        return new TrafficSummary(byType.Sum(t => t.Sent), byType.Sum(t => t.Delivered), byType.Sum(t => t.Dropped), byType);
    }

    private static ChainSummary Chain(RecordedHistory history)
    {
        long gasUsed = 0;
        double fillSum = 0, fillMax = 0;
        var maxPending = 0;
        foreach (var block in history.ChainBlocks)
        {
            gasUsed += block.GasUsed;
            var fill = block.GasLimit > 0 ? (double)block.GasUsed / block.GasLimit : 0;
            fillSum += fill;
            fillMax = Math.Max(fillMax, fill);
            maxPending = Math.Max(maxPending, block.Pending);
        }

        var inclusion = history.ChainTransactions.Select(t => t.TimeNs - t.SubmittedNs).Order().ToArray();
        return new ChainSummary(
            history.ChainBlocks.Count,
            history.ChainTransactions.Count,
            gasUsed,
            history.ChainBlocks.Count == 0 ? 0 : fillSum / history.ChainBlocks.Count,
            fillMax,
            maxPending,
            history.ChainRejects.Values.Sum(),
            Ms(Percentiles.NearestRank(inclusion, 50)),
            Ms(Percentiles.NearestRank(inclusion, 99)));
    }

    private static ReplicationSummary Replication(RecordedHistory history, HistoryAnalysis analysis)
    {
        var lags = new List<long>();
        long indexed = 0;
        foreach (var store in history.Stores)
        {
            if (store.Source == StoreSource.Index)
            {
                indexed++;
                continue;
            }

            if (analysis.TryGetIndex(store.Envelope, out var e) && analysis.Envelopes[e].OriginatedNs is var originated and >= 0)
            {
                lags.Add(Math.Max(0, store.TimeNs - originated));
            }
        }

        RadixSort.Sort(CollectionsMarshal.AsSpan(lags), new long[lags.Count]);
        return new ReplicationSummary(
            history.Stores.Count - indexed,
            indexed,
            Ms(Percentiles.NearestRank(lags, 50)),
            Ms(Percentiles.NearestRank(lags, 99)),
            Ms(lags.Count == 0 ? 0 : lags[^1]),
            history.SequenceAnomalies.Values.Sum(),
            history.NodeRejects.Values.Sum(),
            history.GatewayRetries);
    }
}
