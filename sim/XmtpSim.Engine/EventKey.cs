using System.Runtime.CompilerServices;

namespace XmtpSim.Engine;

/// <summary>
/// The total order of events: time, then destination, then source, then the source's own send counter.
/// Never arrival order or thread timing.
/// </summary>
internal readonly record struct EventKey : IComparable<EventKey>
{
    // Destination in the high half, source in the low half, each with its sign bit flipped: unsigned order of the
    // pair is then (destination, source) in signed order (the engine's own index is -1), so the event queue compares
    // two numbers and a counter instead of four fields.
    private readonly ulong _route;

    public EventKey(long time, int destination, int source, long counter)
    {
        Time = time;
        _route = ((ulong)(uint)(destination ^ int.MinValue) << 32) | (uint)(source ^ int.MinValue);
        Counter = counter;
    }

    public long Time { get; init; }

    public int Destination => (int)(uint)(_route >> 32) ^ int.MinValue;

    public int Source => (int)(uint)_route ^ int.MinValue;

    public long Counter { get; }

    /// <summary>True when this key comes strictly before <paramref name="other"/>: the order itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsBefore(in EventKey other) =>
        Time != other.Time ? Time < other.Time : _route != other._route ? _route < other._route : Counter < other.Counter;

    public int CompareTo(EventKey other) => IsBefore(other) ? -1 : other.IsBefore(this) ? 1 : 0;
}
