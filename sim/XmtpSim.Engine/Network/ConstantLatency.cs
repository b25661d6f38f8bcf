namespace XmtpSim.Engine.Network;

/// <summary>A fixed one-way latency.</summary>
public sealed record ConstantLatency(long Nanos) : ILatency
{
    /// <summary>Zero latency.</summary>
    public static ConstantLatency Zero { get; } = new(0);

    /// <summary>From a duration.</summary>
    public static ConstantLatency Of(TimeSpan duration) => new(SimTime.Nanos(duration));

    /// <inheritdoc />
    public long SampleNanos(Random random) => Nanos;
}
