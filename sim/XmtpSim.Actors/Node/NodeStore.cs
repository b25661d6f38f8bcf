using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Fees;
using XmtpSim.Protocol.Topics;

namespace XmtpSim.Actors.Node;

/// <summary>
/// A node's durable state (its PostgreSQL database in xmtpd): envelopes unique on (originator, sequence),
/// per-originator and per-topic indexes, the node's own sequence counter, congestion counters, unsettled
/// usage and the indexer's last block. It survives a crash; everything else in the node actor does not.
/// </summary>
public sealed class NodeStore
{
    private readonly Dictionary<EnvelopeId, StoredEnvelope> _byId = [];
    private readonly Dictionary<uint, List<StoredEnvelope>> _byOriginator = [];
    private readonly Dictionary<Topic, List<StoredEnvelope>> _byTopic = [];
    private readonly Dictionary<uint, ulong> _maxSequence = [];
    private VectorClock? _cursor;

    /// <summary>The next sequence id this node assigns as an originator (a BIGSERIAL: it survives restarts).</summary>
    public ulong NextOwnSequence { get; set; } = 1;

    /// <summary>The <c>originator_congestion</c> table.</summary>
    public CongestionCounters Congestion { get; } = new();

    /// <summary><c>unsettled_usage</c>: picodollars and message count per (payer, originator, minute).</summary>
    public Dictionary<(EthAddress Payer, uint Originator, long Minute), (long Fees, long Messages)> UnsettledUsage { get; } = [];

    /// <summary>The last app-chain block whose logs were stored (0 = none).</summary>
    public long LastIndexedBlock { get; set; }

    /// <summary>Rows stored.</summary>
    public int Count => _byId.Count;

    /// <summary>The node's vector clock: max stored sequence per originator.</summary>
    public VectorClock Cursor => _cursor ??= VectorClock.From(_maxSequence);

    /// <summary>Max stored sequence of <paramref name="originator"/> (0 if none).</summary>
    public ulong MaxSequence(uint originator) => _maxSequence.GetValueOrDefault(originator);

    /// <summary>True when (originator, sequence) is stored.</summary>
    public bool Contains(EnvelopeId id) => _byId.ContainsKey(id);

    /// <summary>Inserts a row; false (and nothing changes) when its id is already stored — inserts are idempotent.</summary>
    public bool TryAdd(StoredEnvelope row)
    {
        if (!_byId.TryAdd(row.Id, row))
        {
            return false;
        }

        var originator = row.Id.Originator;
        if (!_byOriginator.TryGetValue(originator, out var rows))
        {
            _byOriginator[originator] = rows = [];
        }

        if (rows.Count == 0 || rows[^1].Id.Sequence < row.Id.Sequence)
        {
            rows.Add(row);
        }
        else
        {
            var index = rows.BinarySearch(row, SequenceComparer.Instance);
            rows.Insert(~index, row);
        }

        var topic = row.Envelope.Topic;
        if (!_byTopic.TryGetValue(topic, out var topicRows))
        {
            _byTopic[topic] = topicRows = [];
        }

        topicRows.Add(row);
        if (row.Id.Sequence > _maxSequence.GetValueOrDefault(originator))
        {
            _maxSequence[originator] = row.Id.Sequence;
            _cursor = null;
        }

        return true;
    }

    /// <summary>Rows of <paramref name="originator"/> with sequence &gt; <paramref name="after"/>, ascending, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<StoredEnvelope> Since(uint originator, ulong after, int limit)
    {
        if (!_byOriginator.TryGetValue(originator, out var rows) || rows.Count == 0 || rows[^1].Id.Sequence <= after)
        {
            return [];
        }

        var low = 0;
        var high = rows.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (rows[mid].Id.Sequence <= after)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return rows.GetRange(low, Math.Min(limit, rows.Count - low));
    }

    /// <summary>
    /// Rows on <paramref name="topics"/> with sequence &gt; cursor[originator], ordered by (originator, sequence)
    /// as xmtpd's queries are, at most <paramref name="limit"/>.
    /// </summary>
    public List<StoredEnvelope> Query(IEnumerable<Topic> topics, VectorClock lastSeen, int limit)
    {
        var rows = new List<StoredEnvelope>();
        foreach (var topic in topics.Distinct())
        {
            if (_byTopic.TryGetValue(topic, out var topicRows))
            {
                rows.AddRange(topicRows.Where(r => r.Id.Sequence > lastSeen[r.Id.Originator]));
            }
        }

        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        if (rows.Count > limit)
        {
            rows.RemoveRange(limit, rows.Count - limit);
        }

        return rows;
    }

    /// <summary>Adds a stored envelope's fee to unsettled usage and counts it for congestion (spec §9.4).</summary>
    public void Meter(EthAddress payer, uint originator, long minute, long fee)
    {
        var key = (payer, originator, minute);
        var (fees, messages) = UnsettledUsage.GetValueOrDefault(key);
        UnsettledUsage[key] = (fees + fee, messages + 1);
        Congestion.Increment(originator, minute);
    }

    private sealed class SequenceComparer : IComparer<StoredEnvelope>
    {
        public static SequenceComparer Instance { get; } = new();

        public int Compare(StoredEnvelope? x, StoredEnvelope? y) => x!.Id.Sequence.CompareTo(y!.Id.Sequence);
    }
}
