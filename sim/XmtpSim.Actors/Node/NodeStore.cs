using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Fees;
using XmtpSim.Protocol.Storage;
using XmtpSim.Protocol.Topics;

namespace XmtpSim.Actors.Node;

/// <summary>
/// A node's durable state (its PostgreSQL database in xmtpd): envelopes unique on (originator, sequence),
/// per-originator and per-topic indexes, the node's own sequence counter, congestion counters, unsettled
/// usage and the indexer's last block. It survives a crash; everything else in the node actor does not.
/// Uniqueness is checked in the per-originator index, which is kept sorted by sequence. A row is the envelope
/// itself: parsed envelopes are immutable, so the rows of every replica share one object.
/// <para>
/// A store given <see cref="ColdStorage"/> keeps a row's bytes in memory only while the row is recent: once
/// the row's originator timestamp is <see cref="ColdStorage.AfterNanos"/> old, <see cref="MoveAgedBytes"/> moves its
/// bytes (and the layers decoded from them) to the file. Replicas and subscribers read a row's bytes in the
/// seconds after it is stored; the rest of a day's rows are queried by topic and cursor, which stay in memory.
/// </para>
/// </summary>
public sealed class NodeStore
{
    private readonly ColdStorage? _cold;
    private readonly Queue<ParsedOriginatorEnvelope> _inMemory = [];
    private readonly Dictionary<uint, RowList> _byOriginator = [];
    private readonly TopicTable<object> _byTopic = new(); // the row itself while a topic has one, then a RowList
    private readonly Dictionary<uint, ulong> _maxSequence = [];
    private VectorClock? _cursor;

    /// <summary>A store that moves aged rows' bytes to <paramref name="cold"/>, or keeps them all in memory (null).</summary>
    public NodeStore(ColdStorage? cold = null) => _cold = cold;

    /// <summary>The next sequence id this node assigns as an originator (a BIGSERIAL: it survives restarts).</summary>
    public ulong NextOwnSequence { get; set; } = 1;

    /// <summary>The <c>originator_congestion</c> table.</summary>
    public CongestionCounters Congestion { get; } = new();

    /// <summary><c>unsettled_usage</c>: picodollars and message count per (payer, originator, minute).</summary>
    public Dictionary<(EthAddress Payer, uint Originator, long Minute), (long Fees, long Messages)> UnsettledUsage { get; } = [];

    /// <summary>The last app-chain block whose logs were stored (0 = none).</summary>
    public long LastIndexedBlock { get; set; }

    /// <summary>Rows stored.</summary>
    public int Count { get; private set; }

    /// <summary>The node's vector clock: max stored sequence per originator.</summary>
    public VectorClock Cursor => _cursor ??= VectorClock.From(_maxSequence);

    /// <summary>Max stored sequence of <paramref name="originator"/> (0 if none).</summary>
    public ulong MaxSequence(uint originator) => _maxSequence.GetValueOrDefault(originator);

    /// <summary>True when (originator, sequence) is stored.</summary>
    public bool Contains(EnvelopeId id) =>
        _byOriginator.TryGetValue(id.Originator, out var rows) && IndexOf(rows, id.Sequence) >= 0;

    /// <summary>Inserts an envelope; false (and nothing changes) when its id is already stored — inserts are idempotent.</summary>
    public bool TryAdd(ParsedOriginatorEnvelope row)
    {
        var (originator, sequence) = (row.Id.Originator, row.Id.Sequence);
        if (!_byOriginator.TryGetValue(originator, out var rows))
        {
            _byOriginator[originator] = rows = [];
        }

        if (rows.Count == 0 || rows.Last.SequenceId < sequence)
        {
            rows.Add(row);
        }
        else
        {
            var index = IndexOf(rows, sequence);
            if (index >= 0)
            {
                return false;
            }

            rows.Insert(~index, row);
        }

        Count++;

        // Most topics of a day hold one row (a key package, an identity update): keep it without a list.
        ref var topicRows = ref _byTopic.GetValueRefOrAdd(row.Topic);
        switch (topicRows)
        {
            case null:
                topicRows = row;
                break;
            case RowList list:
                list.Add(row);
                break;
            default:
                topicRows = new RowList { (ParsedOriginatorEnvelope)topicRows, row };
                break;
        }
        if (_cold is not null && !row.BytesMoved)
        {
            _inMemory.Enqueue(row);
        }

        if (row.Id.Sequence > _maxSequence.GetValueOrDefault(originator))
        {
            _maxSequence[originator] = row.Id.Sequence;
            _cursor = null;
        }

        return true;
    }

    /// <summary>Rows of <paramref name="originator"/> with sequence &gt; <paramref name="after"/>, ascending, at most <paramref name="limit"/>, in a new list the caller owns.</summary>
    public IReadOnlyList<ParsedOriginatorEnvelope> Since(uint originator, ulong after, int limit)
    {
        if (!_byOriginator.TryGetValue(originator, out var rows) || rows.Count == 0 || rows.Last.SequenceId <= after)
        {
            return [];
        }

        var found = IndexOf(rows, after);
        var first = found >= 0 ? found + 1 : ~found;
        return rows.GetRange(first, Math.Min(limit, rows.Count - first));
    }

    /// <summary>
    /// Rows on <paramref name="topics"/> with sequence &gt; cursor[originator], ordered by (originator, sequence)
    /// as xmtpd's queries are, at most <paramref name="limit"/>.
    /// </summary>
    public List<ParsedOriginatorEnvelope> Query(IEnumerable<Topic> topics, VectorClock lastSeen, int limit)
    {
        var rows = new List<ParsedOriginatorEnvelope>();
        foreach (var topic in topics.Distinct())
        {
            switch (_byTopic.GetValueOrDefault(topic))
            {
                case RowList list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        AddIfAfter(list[i]);
                    }

                    break;
                case ParsedOriginatorEnvelope row:
                    AddIfAfter(row);
                    break;
            }
        }

        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        if (rows.Count > limit)
        {
            rows.RemoveRange(limit, rows.Count - limit);
        }

        return rows;

        void AddIfAfter(ParsedOriginatorEnvelope row)
        {
            if (row.SequenceId > lastSeen[row.OriginatorNodeId])
            {
                rows.Add(row);
            }
        }
    }

    /// <summary>
    /// Moves the bytes of rows whose originator timestamp is at least <see cref="ColdStorage.AfterNanos"/> before
    /// <paramref name="nowNs"/> to the scratch file, in the order the rows were stored. Nothing without cold storage.
    /// </summary>
    /// <param name="nowNs">Now, in Unix nanoseconds (the clock of originator timestamps).</param>
    public void MoveAgedBytes(long nowNs)
    {
        if (_cold is null)
        {
            return;
        }

        while (_inMemory.TryPeek(out var row) && _cold.IsDue(row.OriginatorNs, nowNs))
        {
            row.MoveBytesTo(_cold.File);
            _inMemory.Dequeue();
        }
    }

    /// <summary>Adds a stored envelope's fee to unsettled usage and counts it for congestion (spec §9.4).</summary>
    public void Meter(EthAddress payer, uint originator, long minute, long fee)
    {
        var key = (payer, originator, minute);
        var (fees, messages) = UnsettledUsage.GetValueOrDefault(key);
        UnsettledUsage[key] = (fees + fee, messages + 1);
        Congestion.Increment(originator, minute);
    }

    /// <summary>The index of <paramref name="sequence"/> in <paramref name="rows"/> (sorted), or the complement of where it would go.</summary>
    /// <remarks>
    /// Each probe reads a row object, most of them long out of the cache, so the search starts where lookups
    /// land: at the end (a new row, or a peer's cursor a poll behind) and where the row would be if the
    /// originator's sequence ids had no gaps. Ids are distinct and ascending, so the row at index i has an id
    /// of at most last − (count − 1 − i): nothing at or below that gapless index can be above
    /// <paramref name="sequence"/>, and the binary search only covers the rows above it.
    /// </remarks>
    private static int IndexOf(RowList rows, ulong sequence)
    {
        var count = rows.Count;
        if (count == 0)
        {
            return ~0;
        }

        var last = rows[count - 1].SequenceId;
        if (sequence >= last)
        {
            return sequence == last ? count - 1 : ~count;
        }

        var low = 0;
        var high = count - 2;
        var below = last - sequence; // > 0
        if (below <= (ulong)(count - 1))
        {
            var gapless = count - 1 - (int)below;
            var atGapless = rows[gapless].SequenceId;
            if (atGapless == sequence)
            {
                return gapless;
            }

            low = gapless + 1; // rows[gapless] < sequence, and so is every row before it
        }

        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var at = rows[mid].SequenceId;
            if (at == sequence)
            {
                return mid;
            }

            if (at < sequence)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }
}
