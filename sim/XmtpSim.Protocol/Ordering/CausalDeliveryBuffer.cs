using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Protocol.Ordering;

/// <summary>
/// The client's causal delivery for one topic (libxmtp causal sort, spec §5.5): sort a batch by
/// originator timestamp, apply an envelope as soon as the topic cursor dominates its <c>depends_on</c>,
/// park it otherwise, release parked envelopes the moment their dependencies are applied, and give up on
/// a dependency after a backoff. Every envelope is applied at most once, whatever the arrival order or
/// duplication. Times are Unix nanoseconds handed in by the caller (no clock reads).
/// </summary>
public sealed class CausalDeliveryBuffer<T>
{
    /// <summary>The batch being sorted, per thread (the engine may run actors of one instant in parallel).</summary>
    [ThreadStatic]
    private static List<CausalEnvelope<T>>? FreshScratch;

    private static readonly Comparison<CausalEnvelope<T>> TimestampOrderComparison = TimestampOrder;

    private readonly CausalDeliveryOptions _options;
    private readonly EnvelopeIdSet _applied = new();
    private readonly List<Parked> _parked = [];

    // The topic cursor, one entry per originator in the order first seen: a handful (the nodes and the group
    // message broadcaster), searched along one array that every apply reads, where a dictionary's object, buckets
    // and entries would be three reads that are rarely in the cache on a day of 100,000 clients.
    private KeyValuePair<uint, ulong>[] _cursor = new KeyValuePair<uint, ulong>[2]; // made here: next to the buffer in memory
    private int _cursorCount;
    private VectorClock? _cursorSnapshot;

    /// <summary>Creates an empty buffer whose topic cursor starts at <paramref name="initialCursor"/> (0 everywhere by default).</summary>
    /// <param name="options">Backoff and give-up.</param>
    /// <param name="initialCursor">Where the client starts, e.g. the commit a welcome was made at.</param>
    public CausalDeliveryBuffer(CausalDeliveryOptions? options = null, VectorClock? initialCursor = null)
    {
        _options = options ?? CausalDeliveryOptions.Default;
        foreach (var (originator, sequence) in initialCursor ?? VectorClock.Empty)
        {
            Advance(originator, sequence);
        }
    }

    /// <summary>The topic cursor: highest applied sequence per originator.</summary>
    public VectorClock Cursor => _cursorSnapshot ??= VectorClock.From(new ArraySegment<KeyValuePair<uint, ulong>>(_cursor, 0, _cursorCount));

    /// <summary>Envelopes waiting for a dependency.</summary>
    public int ParkedCount => _parked.Count;

    /// <summary>Number of envelopes applied so far.</summary>
    public int AppliedCount => _applied.Count;

    /// <summary>The earliest time a parked envelope needs attention (a fetch retry or giving up), if any.</summary>
    public long? NextDeadlineNs
    {
        get
        {
            if (_parked.Count == 0)
            {
                return null;
            }

            var earliest = long.MaxValue;
            foreach (var parked in _parked)
            {
                earliest = Math.Min(earliest, Math.Min(parked.NextRetryNs, parked.GiveUpNs));
            }

            return earliest;
        }
    }

    /// <summary>True once <paramref name="id"/> has been applied.</summary>
    public bool HasApplied(EnvelopeId id) => id.Sequence <= CursorOf(id.Originator) && _applied.Contains(id);

    /// <summary>
    /// Offers a batch received at <paramref name="nowNs"/>; returns what became applicable, in application
    /// order. Envelopes already applied or already parked are ignored (duplicates are harmless).
    /// </summary>
    public IReadOnlyList<Delivery<T>> Offer(IEnumerable<CausalEnvelope<T>> batch, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var delivered = new List<Delivery<T>>();
        Offer(batch as IReadOnlyList<CausalEnvelope<T>> ?? [.. batch], nowNs, delivered);
        return delivered;
    }

    /// <summary>
    /// <see cref="Offer(IEnumerable{CausalEnvelope{T}}, long)"/> that appends what became applicable to
    /// <paramref name="delivered"/> instead of a new list: a client offers a batch per group per read, and
    /// a day of them is tens of millions of short-lived lists.
    /// </summary>
    public void Offer(IReadOnlyList<CausalEnvelope<T>> batch, long nowNs, List<Delivery<T>> delivered)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(delivered);
        var fresh = FreshScratch ??= [];
        fresh.Clear();
        HashSet<EnvelopeId>? taken = null; // first occurrence wins; made only for a second candidate (most batches hold one)
        for (var i = 0; i < batch.Count; i++)
        {
            var envelope = batch[i];
            if (HasApplied(envelope.Id) || IsParked(envelope.Id) ||
                (fresh.Count > 0 && !(taken ??= [fresh[0].Id]).Add(envelope.Id)))
            {
                continue;
            }

            fresh.Add(envelope);
        }

        if (fresh.Count > 1)
        {
            fresh.Sort(TimestampOrderComparison);
        }

        foreach (var envelope in fresh)
        {
            if (Dominates(envelope.DependsOn))
            {
                Apply(envelope, dependencyDropped: false, delivered);
                ReleaseParked(delivered);
            }
            else
            {
                var firstRetry = nowNs + _options.InitialBackoff.Ticks * 100;
                _parked.Add(new Parked(envelope, nowNs, firstRetry, nowNs + _options.GiveUpAfter.Ticks * 100, 0));
            }
        }

        fresh.Clear(); // holds no envelope between calls
    }

    /// <summary>
    /// The dependencies that parked envelopes due for a retry at <paramref name="nowNs"/> are missing, as one
    /// cursor (pointwise maximum of what is needed). The caller fetches them with <c>QueryEnvelopes</c> and
    /// offers the results. Each due envelope's next retry moves out by the backoff.
    /// </summary>
    public VectorClock DueFetches(long nowNs)
    {
        var needed = VectorClock.Empty;
        for (var i = 0; i < _parked.Count; i++)
        {
            var parked = _parked[i];
            if (parked.NextRetryNs > nowNs)
            {
                continue;
            }

            foreach (var (originator, sequence) in parked.Envelope.DependsOn)
            {
                if (CursorOf(originator) < sequence)
                {
                    needed = needed.Advance(originator, sequence);
                }
            }

            var attempts = parked.Attempts + 1;
            var delayTicks = Math.Min(
                _options.InitialBackoff.Ticks * Math.Pow(_options.Multiplier, attempts),
                _options.MaxBackoff.Ticks);
            _parked[i] = parked with { Attempts = attempts, NextRetryNs = nowNs + (long)delayTicks * 100 };
        }

        return needed;
    }

    /// <summary>
    /// Drops the dependencies of envelopes parked longer than <see cref="CausalDeliveryOptions.GiveUpAfter"/>
    /// and applies them (libxmtp logs a warning and moves on), releasing anything that waited on them.
    /// </summary>
    public IReadOnlyList<Delivery<T>> GiveUp(long nowNs)
    {
        var expired = _parked.Where(p => p.GiveUpNs <= nowNs).Select(p => p.Envelope).ToList();
        if (expired.Count == 0)
        {
            return [];
        }

        expired.Sort(TimestampOrderComparison);
        var delivered = new List<Delivery<T>>();
        foreach (var envelope in expired)
        {
            var index = _parked.FindIndex(p => p.Envelope.Id == envelope.Id);
            if (index < 0)
            {
                continue; // released meanwhile by an earlier give-up
            }

            _parked.RemoveAt(index);
            Apply(envelope, dependencyDropped: true, delivered);
            ReleaseParked(delivered);
        }

        return delivered;
    }

    private bool IsParked(EnvelopeId id)
    {
        foreach (var parked in _parked)
        {
            if (parked.Envelope.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    private static int TimestampOrder(CausalEnvelope<T> left, CausalEnvelope<T> right)
    {
        var byTime = left.OriginatorNs.CompareTo(right.OriginatorNs);
        if (byTime != 0)
        {
            return byTime;
        }

        var commitFirst = right.IsCommit.CompareTo(left.IsCommit);
        return commitFirst != 0 ? commitFirst : left.Id.CompareTo(right.Id);
    }

    private void Apply(CausalEnvelope<T> envelope, bool dependencyDropped, List<Delivery<T>> delivered)
    {
        _applied.Add(envelope.Id);
        Advance(envelope.Id.Originator, envelope.Id.Sequence);
        delivered.Add(new Delivery<T>(envelope, dependencyDropped));
    }

    /// <summary>True when the topic cursor is at least every entry of <paramref name="dependsOn"/> (missing = 0).</summary>
    private bool Dominates(VectorClock dependsOn)
    {
        var originators = dependsOn.Originators;
        var sequences = dependsOn.Sequences;
        for (var i = 0; i < originators.Length; i++)
        {
            if (CursorOf(originators[i]) < sequences[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The cursor's sequence for <paramref name="originator"/> (0 when none). Every applied id is at most this.</summary>
    private ulong CursorOf(uint originator) => CursorIndex(originator) is var i and >= 0 ? _cursor[i].Value : 0;

    /// <summary>Raises the cursor's sequence for <paramref name="originator"/> to <paramref name="sequence"/> if lower.</summary>
    private void Advance(uint originator, ulong sequence)
    {
        var i = CursorIndex(originator);
        if (i >= 0 ? sequence <= _cursor[i].Value : sequence == 0)
        {
            return; // no higher (a missing entry is 0)
        }

        if (i < 0)
        {
            if (_cursorCount == _cursor.Length)
            {
                Array.Resize(ref _cursor, Math.Max(2, 2 * _cursorCount));
            }

            i = _cursorCount++;
        }

        _cursor[i] = new(originator, sequence);
        _cursorSnapshot = null;
    }

    private int CursorIndex(uint originator)
    {
        for (var i = 0; i < _cursorCount; i++)
        {
            if (_cursor[i].Key == originator)
            {
                return i;
            }
        }

        return -1;
    }

    private void ReleaseParked(List<Delivery<T>> delivered)
    {
        if (_parked.Count == 0)
        {
            return;
        }

        bool released;
        do
        {
            released = false;
            Parked? next = null;
            foreach (var parked in _parked)
            {
                if (Dominates(parked.Envelope.DependsOn) &&
                    (next is null || TimestampOrder(parked.Envelope, next.Envelope) < 0))
                {
                    next = parked;
                }
            }

            if (next is not null)
            {
                _parked.Remove(next);
                Apply(next.Envelope, dependencyDropped: false, delivered);
                released = true;
            }
        }
        while (released);
    }

    private sealed record Parked(CausalEnvelope<T> Envelope, long ParkedNs, long NextRetryNs, long GiveUpNs, int Attempts);
}
