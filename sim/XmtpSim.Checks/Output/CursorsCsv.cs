using XmtpSim.Checks.Recording;
using XmtpSim.Protocol.Envelopes;

namespace XmtpSim.Checks.Output;

/// <summary>
/// <c>cursors.csv</c>: every 10 simulated seconds (and at the end), each node's highest stored sequence per
/// originator, the originator's own highest sequence (its originations; the chain's transactions for 0 and 1),
/// and the replication lag in sequence ids (own − node's).
/// </summary>
public static class CursorsCsv
{
    /// <summary>Sampling interval, nanoseconds (10 simulated seconds).</summary>
    public const long IntervalNs = 10_000_000_000;

    /// <summary>The header line.</summary>
    public const string Header = "time_s,node,originator,max_seq,originator_max_seq,lag";

    /// <summary>Writes the file's text, by time, node id, originator id.</summary>
    public static void Write(TextWriter writer, RecordedHistory history)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(history);
        Csv.Line(writer, Header);
        var nodes = history.NodeIds.ToArray();
        var originatorSet = new SortedSet<uint>(nodes);
        foreach (var o in history.Originations)
        {
            originatorSet.Add(o.Envelope.Originator);
        }

        foreach (var s in history.Stores)
        {
            originatorSet.Add(s.Envelope.Originator);
        }

        foreach (var t in history.ChainTransactions)
        {
            originatorSet.Add(t.Envelope.Originator);
        }

        if (history.EventCount == 0 || nodes.Length == 0)
        {
            return;
        }

        var originators = originatorSet.ToArray();
        var column = new Dictionary<uint, int>();
        for (var i = 0; i < originators.Length; i++)
        {
            column[originators[i]] = i;
        }

        var row = new Dictionary<int, int>();
        for (var i = 0; i < nodes.Length; i++)
        {
            if (history.Actors.TryGetId(ActorNames.Node(nodes[i]), out var actor))
            {
                row[actor] = i;
            }
        }

        var held = new ulong[nodes.Length, originators.Length];
        var own = new ulong[originators.Length];
        int nextOrigination = 0, nextStore = 0, nextTx = 0;

        // Readers of their own: this file is written while the checks read the same lists on another thread, and a
        // list's indexer shares one read cache.
        var originations = history.Originations.OpenReader();
        var stores = history.Stores.OpenReader();
        var transactions = history.ChainTransactions.OpenReader();
        var end = (history.EndNs + IntervalNs - 1) / IntervalNs * IntervalNs;
        for (var tick = IntervalNs; tick <= Math.Max(end, IntervalNs); tick += IntervalNs)
        {
            for (; nextOrigination < originations.Count && originations[nextOrigination].TimeNs <= tick; nextOrigination++)
            {
                var o = originations[nextOrigination];
                var c = column[o.Envelope.Originator];
                own[c] = Math.Max(own[c], o.Envelope.Sequence);
                if (row.TryGetValue(o.Node, out var r))
                {
                    held[r, c] = Math.Max(held[r, c], o.Envelope.Sequence);
                }
            }

            for (; nextStore < stores.Count && stores[nextStore].TimeNs <= tick; nextStore++)
            {
                var s = stores[nextStore];
                if (row.TryGetValue(s.Node, out var r))
                {
                    var c = column[s.Envelope.Originator];
                    held[r, c] = Math.Max(held[r, c], s.Envelope.Sequence);
                }
            }

            for (; nextTx < transactions.Count && transactions[nextTx].TimeNs <= tick; nextTx++)
            {
                var t = transactions[nextTx];
                var c = column[t.Envelope.Originator];
                own[c] = Math.Max(own[c], t.Envelope.Sequence);
            }

            for (var r = 0; r < nodes.Length; r++)
            {
                for (var c = 0; c < originators.Length; c++)
                {
                    var isChain = ReservedOriginators.IsBlockchain(originators[c]);
                    var ownMax = isChain || originators[c] != nodes[r] ? own[c] : Math.Max(own[c], held[r, c]);
                    Csv.Line(
                        writer,
                        string.Join(
                            ',',
                            Csv.Num(tick / 1_000_000_000),
                            ActorNames.Node(nodes[r]),
                            Csv.Num(originators[c]),
                            Csv.Num(held[r, c]),
                            Csv.Num(ownMax),
                            Csv.Num((long)ownMax - (long)held[r, c])));
                }
            }
        }
    }
}
