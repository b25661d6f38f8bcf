using System.Runtime.InteropServices;

namespace XmtpSim.Engine.Network;

/// <summary>
/// Decides when (and whether) a message sent now arrives: uplink serialisation delay from the real byte
/// size, region-pair latency, extra latency faults, loss as retransmission delay, duplication, in-order
/// delivery per link (TCP), and one-way or two-way partitions. Per-sender state (uplink busy time) is only touched by the sender's own handler,
/// and randomness comes from the sender's stream, so parallel senders stay deterministic. Partition and
/// fault state changes only between event batches.
/// </summary>
public sealed class NetworkModel
{
    private const long MaxRetransmitNanos = 60 * SimTime.NanosPerSecond;
    private const int DenseLinksAfter = 256;

    private readonly NetworkOptions _options;
    private readonly List<int> _regionOf = [];
    private readonly List<long> _uplinkBitsPerSecond = [];
    private readonly List<long> _uplinkBusyUntil = [];
    private readonly List<Dictionary<int, long>?> _lastArrival = []; // per sender: last arrival per receiver, for senders with few links
    private readonly List<long[]?> _lastArrivalDense = []; // and for senders with many (a node's clients): one slot per actor
    private readonly Dictionary<int, long> _extraLatency = [];
    private readonly HashSet<(int From, int To)> _oneWayBlocks = [];
    private readonly ILatency?[,] _betweenRegions;
    private int[] _partitionGroup = [];
    private bool _anyPartitionGroup; // false: every entry of _partitionGroup is -1, and sends need not read it

    /// <summary>Creates the model.</summary>
    public NetworkModel(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;

        // Region pairs as a matrix: every send looks its pair up.
        var regions = options.Between.Count == 0 ? 0 : options.Between.Keys.Max(k => Math.Max(k.From, k.To)) + 1;
        _betweenRegions = new ILatency?[regions, regions];
        foreach (var ((from, to), latency) in options.Between)
        {
            if (from >= 0 && to >= 0)
            {
                _betweenRegions[from, to] = latency;
            }
        }
    }

    /// <summary>The options in force.</summary>
    public NetworkOptions Options => _options;

    /// <summary>True while any partition or one-way block is in force.</summary>
    public bool IsPartitioned => _oneWayBlocks.Count > 0 || _anyPartitionGroup;

    /// <summary>Adds an actor (called in registration order).</summary>
    internal void AddActor(int region, long uplinkBitsPerSecond)
    {
        _regionOf.Add(region);
        _uplinkBitsPerSecond.Add(uplinkBitsPerSecond);
        _uplinkBusyUntil.Add(0);
        _lastArrival.Add(null);
        _lastArrivalDense.Add(null);
        if (_partitionGroup.Length < _regionOf.Count)
        {
            // Doubling, not one slot per actor: registering 100,000 clients must not copy the array 100,000 times.
            var grown = new int[Math.Max(16, _partitionGroup.Length * 2)];
            Array.Fill(grown, -1);
            _partitionGroup.CopyTo(grown, 0);
            _partitionGroup = grown;
        }

        _partitionGroup[_regionOf.Count - 1] = -1;
    }

    /// <summary>True when a message from <paramref name="from"/> to <paramref name="to"/> cannot get through.</summary>
    public bool IsBlocked(int from, int to)
    {
        if (from < 0 || to < 0)
        {
            return false; // the engine itself is never partitioned
        }

        if (_anyPartitionGroup)
        {
            var a = _partitionGroup[from];
            var b = _partitionGroup[to];
            if (a >= 0 && b >= 0 && a != b)
            {
                return true;
            }
        }

        return _oneWayBlocks.Count > 0 && _oneWayBlocks.Contains((from, to));
    }

    /// <summary>
    /// Computes delivery times for one send departing at <paramref name="departNanos"/>. Returns 0 (lost to a
    /// partition), 1 or 2 (duplicated) arrival times in <paramref name="arrivals"/>.
    /// </summary>
    public int Schedule(int from, int to, int bytes, long departNanos, Random random, Span<long> arrivals)
    {
        if (IsBlocked(from, to))
        {
            return 0;
        }

        var depart = departNanos;
        var bandwidth = from >= 0 ? _uplinkBitsPerSecond[from] : 0;
        if (bandwidth > 0)
        {
            var start = Math.Max(depart, _uplinkBusyUntil[from]);
            var transmit = (long)Math.Ceiling(bytes * 8.0 * SimTime.NanosPerSecond / bandwidth);
            _uplinkBusyUntil[from] = start + transmit;
            depart = start + transmit;
        }

        arrivals[0] = InOrder(from, to, depart + OneWay(from, to, random));
        if (_options.Duplicate > 0 && random.NextDouble() < _options.Duplicate)
        {
            arrivals[1] = InOrder(from, to, depart + OneWay(from, to, random));
            return 2;
        }

        return 1;
    }

    /// <summary>Splits the listed actors into groups that cannot reach each other; unlisted actors reach everyone.</summary>
    internal void Partition(IReadOnlyList<IReadOnlyList<int>> groups)
    {
        Array.Fill(_partitionGroup, -1);
        _anyPartitionGroup = false;
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var actor in groups[g])
            {
                _partitionGroup[actor] = g;
                _anyPartitionGroup = true;
            }
        }
    }

    /// <summary>Blocks one direction only.</summary>
    internal void BlockOneWay(int from, int to) => _oneWayBlocks.Add((from, to));

    /// <summary>Removes every partition and one-way block.</summary>
    internal void HealAll()
    {
        Array.Fill(_partitionGroup, -1);
        _anyPartitionGroup = false;
        _oneWayBlocks.Clear();
    }

    /// <summary>Adds latency to everything sent from or to <paramref name="actor"/>.</summary>
    internal void AddLatency(int actor, long nanos) =>
        _extraLatency[actor] = _extraLatency.GetValueOrDefault(actor) + nanos;

    /// <summary>
    /// gRPC runs over TCP: messages on one link arrive in the order they were sent (a later message waits
    /// behind a slower earlier one). State is the sender's own, like its uplink.
    /// </summary>
    private long InOrder(int from, int to, long arrival)
    {
        if (from < 0)
        {
            return arrival;
        }

        ref var previous = ref LastArrival(from, to);
        previous = Math.Max(arrival, previous);
        return previous;
    }

    /// <summary>
    /// The sender's last arrival time at <paramref name="to"/>. A node sends to tens of thousands of clients,
    /// and a hash lookup in a table that large misses the cache twice per send; once a sender has reached
    /// <see cref="DenseLinksAfter"/> receivers, it keeps one slot per actor instead (its table then only
    /// serves sends to the engine).
    /// </summary>
    private ref long LastArrival(int from, int to)
    {
        if (to >= 0 && (_lastArrivalDense[from] ?? DenseWhenBusy(from)) is { } dense)
        {
            return ref dense[to]; // every actor is registered before the first send, so the array covers them all
        }

        return ref CollectionsMarshal.GetValueRefOrAddDefault(_lastArrival[from] ??= [], to, out _);
    }

    private long[]? DenseWhenBusy(int from)
    {
        if (_lastArrival[from] is not { Count: >= DenseLinksAfter } links)
        {
            return null;
        }

        var dense = new long[_regionOf.Count];
        foreach (var (receiver, at) in links)
        {
            if (receiver >= 0)
            {
                dense[receiver] = at;
            }
        }

        _lastArrivalDense[from] = dense;
        return dense;
    }

    private long OneWay(int from, int to, Random random)
    {
        var latency = _options.DefaultLatency;
        if (from >= 0 && to >= 0)
        {
            var (a, b) = (_regionOf[from], _regionOf[to]);
            if ((uint)a < (uint)_betweenRegions.GetLength(0) && (uint)b < (uint)_betweenRegions.GetLength(1) && _betweenRegions[a, b] is { } pair)
            {
                latency = pair;
            }
        }

        var nanos = Math.Max(latency.SampleNanos(random), _options.MinimumLatencyNanos);
        if (_extraLatency.Count > 0)
        {
            nanos += _extraLatency.GetValueOrDefault(from) + _extraLatency.GetValueOrDefault(to);
        }
        if (_options.Loss > 0)
        {
            var rto = _options.RetransmitTimeoutNanos;
            while (random.NextDouble() < _options.Loss)
            {
                nanos += rto;
                rto = Math.Min(rto * 2, MaxRetransmitNanos);
            }
        }

        return nanos;
    }
}
