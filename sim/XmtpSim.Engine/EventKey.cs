namespace XmtpSim.Engine;

/// <summary>
/// The total order of events: time, then destination, then source, then the source's own send counter.
/// Never arrival order or thread timing.
/// </summary>
internal readonly record struct EventKey(long Time, int Destination, int Source, long Counter) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        var c = Time.CompareTo(other.Time);
        if (c != 0)
        {
            return c;
        }

        c = Destination.CompareTo(other.Destination);
        if (c != 0)
        {
            return c;
        }

        c = Source.CompareTo(other.Source);
        return c != 0 ? c : Counter.CompareTo(other.Counter);
    }
}
