namespace XmtpSim.Engine;

/// <summary>Conversions for simulated time, which the engine keeps as integer nanoseconds since the run started.</summary>
public static class SimTime
{
    /// <summary>Nanoseconds per millisecond.</summary>
    public const long NanosPerMilli = 1_000_000;

    /// <summary>Nanoseconds per second.</summary>
    public const long NanosPerSecond = 1_000_000_000;

    /// <summary>
    /// The Unix time of simulated t = 0: 2026-01-01T00:00:00Z. Fixed, so originator timestamps, expiry and
    /// fee minutes are the same on every run.
    /// </summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Unix nanoseconds of <see cref="Epoch"/>.</summary>
    public static readonly long EpochUnixNanos = Epoch.ToUnixTimeMilliseconds() * NanosPerMilli;

    /// <summary>Nanoseconds of a duration.</summary>
    public static long Nanos(TimeSpan duration) => duration.Ticks * 100;

    /// <summary>A duration from nanoseconds (truncated to 100 ns ticks).</summary>
    public static TimeSpan ToTimeSpan(long nanos) => TimeSpan.FromTicks(nanos / 100);

    /// <summary>Unix nanoseconds of simulated time <paramref name="simNanos"/>.</summary>
    public static long ToUnixNanos(long simNanos) => EpochUnixNanos + simNanos;

    /// <summary>Seconds with millisecond precision, for humans.</summary>
    public static string Format(long nanos) => (nanos / (double)NanosPerSecond).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
