namespace XmtpSim.Protocol.Fees;

/// <summary>
/// A node's <c>originator_congestion</c> table: message counts per (originator, minute since the epoch).
/// The originator counts what it prices; receivers count what they store, so their windows can diverge
/// (spec §9.4). Old minutes can be pruned; a window reads missing minutes as 0.
/// </summary>
public sealed class CongestionCounters
{
    private readonly Dictionary<(uint Originator, long Minute), ulong> _counts = [];

    /// <summary>Minute since the Unix epoch of a Unix-nanosecond time: <c>floor(seconds / 60)</c>.</summary>
    public static long MinuteOf(long unixNanos)
    {
        const long nanosPerMinute = 60_000_000_000;
        var minute = unixNanos / nanosPerMinute;
        return unixNanos % nanosPerMinute < 0 ? minute - 1 : minute;
    }

    /// <summary>Adds one message of <paramref name="originator"/> to <paramref name="minute"/>.</summary>
    public void Increment(uint originator, long minute) =>
        _counts[(originator, minute)] = Count(originator, minute) + 1;

    /// <summary>Messages of <paramref name="originator"/> counted in <paramref name="minute"/>.</summary>
    public ulong Count(uint originator, long minute) => _counts.GetValueOrDefault((originator, minute));

    /// <summary>The five-minute window ending at <paramref name="minute"/> (w0 = that minute).</summary>
    public CongestionWindow Window(uint originator, long minute) => new(
        Count(originator, minute), Count(originator, minute - 1), Count(originator, minute - 2),
        Count(originator, minute - 3), Count(originator, minute - 4));

    /// <summary>Forgets minutes before <paramref name="oldestMinuteToKeep"/>, bounding memory on long runs.</summary>
    public void PruneBefore(long oldestMinuteToKeep)
    {
        foreach (var key in _counts.Keys.Where(k => k.Minute < oldestMinuteToKeep).ToList())
        {
            _counts.Remove(key);
        }
    }
}
