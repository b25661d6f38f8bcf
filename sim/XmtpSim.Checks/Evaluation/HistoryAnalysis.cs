using System.Runtime.InteropServices;
using XmtpSim.Checks.Recording;
using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// Indexes derived once from a <see cref="RecordedHistory"/>: every envelope with what is known of it, every node
/// with what it holds and whether it is live, what each client applied, the no_loss delivery expectation and the
/// sorted publish-to-apply latencies. Everything is a pure function of the history, in journal order.
/// </summary>
internal sealed class HistoryAnalysis
{
    private readonly Dictionary<EnvelopeId, int> _index = [];
    private readonly List<EnvelopeInfo> _envelopes = [];
    private readonly long[] _appliedKeys;
    private readonly int[] _clientStarts;
    private Dictionary<int, NodeState>? _nodesByActor;

    public HistoryAnalysis(RecordedHistory history)
    {
        History = history;
        var publishes = new Dictionary<(int Client, long Local), int>();
        for (var i = 0; i < history.Publishes.Count; i++)
        {
            var p = history.Publishes[i];
            publishes.TryAdd((p.Client, p.LocalId), i);
        }

        // Acknowledged envelopes first, in ack order: they are the ones no_loss is about.
        var acked = new List<int>();
        for (var i = 0; i < history.Acks.Count; i++)
        {
            var ack = history.Acks[i];
            var e = IndexOf(ack.Envelope);
            ref var info = ref Info(e);
            if (info.AckOrder >= 0)
            {
                continue;
            }

            info.AckOrder = acked.Count;
            info.AckNs = ack.TimeNs;
            info.AckClient = ack.Client;
            acked.Add(e);
            if (publishes.TryGetValue((ack.Client, ack.LocalId), out var pi))
            {
                var p = history.Publishes[pi];
                info.Topic = p.Topic;
                info.PublishedNs = p.TimeNs;
                info.DependsOnCommit = (long)p.DependsOnCommit;
            }
        }

        Acked = acked;

        // The envelope index of every origination and store, kept for BuildNodes so it looks none of them up again.
        var originated = new int[history.Originations.Count];
        var stored = new int[history.Stores.Count];
        var next = 0;
        foreach (var o in history.Originations)
        {
            ref var info = ref Info(originated[next++] = IndexOf(o.Envelope));
            info.Topic = info.Topic < 0 ? o.Topic : info.Topic;
            info.DependsOnCommit = info.DependsOnCommit < 0 ? (long)o.DependsOnCommit : info.DependsOnCommit;
            info.OriginatedNs = info.OriginatedNs < 0 ? o.TimeNs : info.OriginatedNs;
        }

        foreach (var tx in history.ChainTransactions)
        {
            ref var info = ref Info(IndexOf(tx.Envelope));
            info.Topic = info.Topic < 0 ? tx.Topic : info.Topic;
            info.OriginatedNs = info.OriginatedNs < 0 ? tx.TimeNs : info.OriginatedNs;
        }

        next = 0;
        foreach (var s in history.Stores)
        {
            ref var info = ref Info(stored[next++] = IndexOf(s.Envelope));
            info.Topic = info.Topic < 0 ? s.Topic : info.Topic;
        }

        // One pass over the applies (the largest table, read back from the spill on a long run) for both the
        // applied keys and the latencies. The two sorts are independent arrays of numbers, so they run on both
        // cores; a sort of numbers has one result whatever the timing. (The checks run after the simulation.)
        // A radix sort takes a few linear passes where a comparison sort of a day's 71 million takes ~26 levels.
        // The applies of one envelope share a part of the table (ApplyTable), so the envelope is looked up once per
        // shared part, not once per apply; the first apply of each still comes first, so indexes are assigned in the
        // same order.
        var keys = new long[history.Applies.Count];
        var latencies = new List<long>(history.Applies.Count);
        var envelopeOfShared = new int[history.Applies.SharedCount];
        Array.Fill(envelopeOfShared, -1);
        var applies = history.Applies.OpenReader();
        for (var i = 0; i < keys.Length; i++)
        {
            var a = applies.Read(i, out var shared);
            ref var envelope = ref envelopeOfShared[shared];
            if (envelope < 0)
            {
                envelope = IndexOf(a.Envelope);
            }

            keys[i] = AppliedKey(a.Client, envelope);
            if (a.LatencyNs >= 0)
            {
                latencies.Add(a.LatencyNs);
            }
        }

        Parallel.Invoke(
            () => RadixSort.Sort(keys, new long[keys.Length]),
            () => RadixSort.Sort(CollectionsMarshal.AsSpan(latencies), new long[latencies.Count]));
        _appliedKeys = keys;
        _clientStarts = ClientStarts(keys);
        SortedLatencies = latencies;
        Nodes = BuildNodes(history, originated, stored);
        ComputeDeliveries(history);
    }

    public RecordedHistory History { get; }

    /// <summary>Every envelope seen, by index.</summary>
    public IReadOnlyList<EnvelopeInfo> Envelopes => _envelopes;

    /// <summary>Acknowledged envelopes (indexes), distinct, in ack order.</summary>
    public IReadOnlyList<int> Acked { get; }

    /// <summary>Every node, by id.</summary>
    public IReadOnlyList<NodeState> Nodes { get; }

    /// <summary>Client deliveries no_loss expects.</summary>
    public long ExpectedDeliveries { get; private set; }

    /// <summary>Expected deliveries that were applied.</summary>
    public long AppliedExpected { get; private set; }

    /// <summary>The first missing client delivery (earliest acknowledged envelope, then earliest join), or null.</summary>
    public MissingDelivery? FirstMissingDelivery { get; private set; }

    /// <summary>Publish-to-apply latencies of applies with a known publish time, nanoseconds, ascending.</summary>
    public IReadOnlyList<long> SortedLatencies { get; }

    /// <summary>The node whose actor id is <paramref name="actor"/>, or null.</summary>
    public NodeState? NodeOf(int actor)
    {
        if (_nodesByActor is null)
        {
            _nodesByActor = [];
            foreach (var node in Nodes)
            {
                if (History.Actors.TryGetId(node.Name, out var id))
                {
                    _nodesByActor[id] = node;
                }
            }
        }

        return _nodesByActor.GetValueOrDefault(actor);
    }

    public bool TryGetIndex(EnvelopeId id, out int index) => _index.TryGetValue(id, out index);

    /// <summary>
    /// Whether <paramref name="client"/> applied <paramref name="envelope"/>: a binary search within that client's own
    /// run of the sorted keys (a few hundred entries, a few cache lines) rather than over all of them, which on the
    /// full day is 71 million keys and a cache miss at nearly every step, once per expected delivery.
    /// </summary>
    public bool ClientApplied(int client, int envelope)
    {
        if ((uint)client >= (uint)(_clientStarts.Length - 1))
        {
            return false; // an id no apply names (actor ids are never negative)
        }

        var start = _clientStarts[client];
        return Array.BinarySearch(_appliedKeys, start, _clientStarts[client + 1] - start, AppliedKey(client, envelope)) >= 0;
    }

    /// <summary>Where each client's keys start in <paramref name="sorted"/> (index = client, one extra entry for the end).</summary>
    private static int[] ClientStarts(long[] sorted)
    {
        if (sorted.Length == 0)
        {
            return [0];
        }

        var starts = new int[(int)(sorted[^1] >> 32) + 2];
        foreach (var key in sorted)
        {
            starts[(int)(key >> 32) + 1]++;
        }

        for (var c = 1; c < starts.Length; c++)
        {
            starts[c] += starts[c - 1];
        }

        return starts;
    }

    public string TopicName(int topic) => topic < 0 ? "(unknown topic)" : History.Topics[topic];

    private static long AppliedKey(int client, int envelope) => ((long)client << 32) | (uint)envelope;

    private int IndexOf(EnvelopeId id)
    {
        if (!_index.TryGetValue(id, out var index))
        {
            index = _envelopes.Count;
            _index.Add(id, index);
            _envelopes.Add(new EnvelopeInfo
            {
                Id = id, Topic = -1, AckOrder = -1, AckNs = -1, AckClient = -1, PublishedNs = -1, DependsOnCommit = -1, OriginatedNs = -1,
            });
        }

        return index;
    }

    private ref EnvelopeInfo Info(int index) => ref CollectionsMarshal.AsSpan(_envelopes)[index];

    private static List<NodeState> BuildNodes(RecordedHistory history, int[] originated, int[] stored)
    {
        var crashedAt = new Dictionary<uint, long>();
        foreach (var fault in history.Faults)
        {
            if (!ActorNames.TryParseNode(fault.Detail.Trim(), out var id))
            {
                continue;
            }

            if (fault.Fault == "crash")
            {
                crashedAt[id] = fault.TimeNs;
            }
            else if (fault.Fault == "restart")
            {
                crashedAt.Remove(id);
            }
        }

        var holdings = new Dictionary<int, List<int>>();
        void Hold(int actor, int envelope)
        {
            if (!holdings.TryGetValue(actor, out var list))
            {
                list = [];
                holdings.Add(actor, list);
            }

            list.Add(envelope);
        }

        var next = 0;
        foreach (var o in history.Originations)
        {
            Hold(o.Node, originated[next++]);
        }

        next = 0;
        foreach (var s in history.Stores)
        {
            Hold(s.Node, stored[next++]);
        }

        var nodes = new List<NodeState>();
        foreach (var id in history.NodeIds)
        {
            var name = ActorNames.Node(id);
            var held = history.Actors.TryGetId(name, out var actor) && holdings.TryGetValue(actor, out var list) ? list.ToArray() : [];
            Array.Sort(held);
            var distinct = held.Length == 0 ? 0 : 1;
            for (var i = 1; i < held.Length; i++)
            {
                if (held[i] != held[distinct - 1])
                {
                    held[distinct++] = held[i];
                }
            }

            var crashed = crashedAt.TryGetValue(id, out var at);
            nodes.Add(new NodeState(id, name, !crashed, crashed ? at : -1, held[..distinct]));
        }

        return nodes;
    }

    private void ComputeDeliveries(RecordedHistory history)
    {
        var byTopic = new Dictionary<int, List<int>>();
        foreach (var e in Acked)
        {
            var topic = _envelopes[e].Topic;
            if (!byTopic.TryGetValue(topic, out var list))
            {
                list = [];
                byTopic.Add(topic, list);
            }

            list.Add(e);
        }

        // The joins that expect anything, in journal order (a second join of the same client to the same topic, a
        // re-welcome, adds no expectation). Each is then checked against its topic's envelopes on both cores, in
        // ranges of joins whose tallies add up in a fixed order: the totals and the earliest miss (by ack order, then
        // join order, a unique pair) are the same whatever ran where.
        var seen = new HashSet<(int Client, int Topic)>();
        var expecting = new List<(JoinRecord Join, int Order, List<int> Envelopes)>();
        var joinOrder = 0;
        foreach (var join in history.Joins)
        {
            if (seen.Add((join.Client, join.Topic)) && byTopic.TryGetValue(join.Topic, out var envelopes))
            {
                expecting.Add((join, joinOrder, envelopes));
            }

            joinOrder++;
        }

        const int Ranges = 64;
        var tallies = new DeliveryTally[Ranges];
        Parallel.For(0, Ranges, r =>
        {
            var tally = new DeliveryTally { Best = (int.MaxValue, int.MaxValue), BestEnvelope = -1 };
            for (var j = expecting.Count * r / Ranges; j < expecting.Count * (r + 1) / Ranges; j++)
            {
                var (join, order, envelopes) = expecting[j];
                foreach (var e in envelopes)
                {
                    var info = _envelopes[e];
                    if (!ShouldReceive(info, join.CommitSequence))
                    {
                        continue;
                    }

                    tally.Expected++;
                    if (ClientApplied(join.Client, e))
                    {
                        tally.Applied++;
                    }
                    else if ((info.AckOrder, order).CompareTo(tally.Best) < 0)
                    {
                        tally.Best = (info.AckOrder, order);
                        tally.BestJoin = join;
                        tally.BestEnvelope = e;
                    }
                }
            }

            tallies[r] = tally;
        });

        long expected = 0, applied = 0;
        (int AckOrder, int JoinOrder) best = (int.MaxValue, int.MaxValue);
        JoinRecord bestJoin = default;
        var bestEnvelope = -1;
        foreach (var tally in tallies)
        {
            expected += tally.Expected;
            applied += tally.Applied;
            if (tally.BestEnvelope >= 0 && tally.Best.CompareTo(best) < 0)
            {
                (best, bestJoin, bestEnvelope) = (tally.Best, tally.BestJoin, tally.BestEnvelope);
            }
        }

        ExpectedDeliveries = expected;
        AppliedExpected = applied;
        if (bestEnvelope >= 0)
        {
            var info = _envelopes[bestEnvelope];
            FirstMissingDelivery = new MissingDelivery(
                info.Id, TopicName(info.Topic), history.Actors[bestJoin.Client], bestJoin.CommitSequence, bestJoin.TimeNs, info.AckNs,
                expected - applied);
        }
    }

    /// <summary>What one range of joins expected and found applied, and its earliest miss.</summary>
    private struct DeliveryTally
    {
        public long Expected;
        public long Applied;
        public (int AckOrder, int JoinOrder) Best;
        public JoinRecord BestJoin;
        public int BestEnvelope;
    }

    /// <summary>
    /// The join rule: a member that joined at commit c gets every later commit (originator 0, sequence &gt; c) and
    /// every other envelope of the topic whose depends_on[0] ≥ c (an unknown depends_on counts as 0).
    /// </summary>
    private static bool ShouldReceive(EnvelopeInfo info, ulong commit) =>
        info.Id.Originator == 0 ? info.Id.Sequence > commit : (ulong)Math.Max(0, info.DependsOnCommit) >= commit;
}
