namespace XmtpSim.Scenarios.Distributions;

/// <summary>
/// A distribution of durations: <see cref="Seconds"/> is over seconds; samples come back as
/// <see cref="TimeSpan"/> rounded to the tick (100 ns) and never negative.
/// </summary>
public sealed record DurationDistribution(IDistribution Seconds)
{
    /// <summary>A distribution that is always <paramref name="value"/>.</summary>
    public static DurationDistribution Constant(TimeSpan value) => new(new ConstantDistribution(value.TotalSeconds));

    /// <summary>Draws one duration.</summary>
    public TimeSpan Sample(Random rng) => FromSeconds(Seconds.Sample(rng));

    /// <summary>The mean duration (<see cref="TimeSpan.MaxValue"/> when infinite).</summary>
    public TimeSpan Mean => FromSeconds(Seconds.Mean);

    /// <summary>The <paramref name="p"/> quantile (0..1), e.g. 0.99 for p99.</summary>
    public TimeSpan Quantile(double p) => FromSeconds(Seconds.Quantile(p));

    private static TimeSpan FromSeconds(double seconds) =>
        seconds >= TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.MaxValue
            : TimeSpan.FromTicks((long)Math.Round(Math.Max(0, seconds) * TimeSpan.TicksPerSecond));
}
