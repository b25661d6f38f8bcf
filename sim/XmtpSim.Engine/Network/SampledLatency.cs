namespace XmtpSim.Engine.Network;

/// <summary>A latency drawn from any distribution of seconds (negative samples clamp to 0).</summary>
public sealed class SampledLatency(Func<Random, double> sampleSeconds, string description) : ILatency
{
    /// <inheritdoc />
    public long SampleNanos(Random random)
    {
        var seconds = sampleSeconds(random);
        return seconds <= 0 || double.IsNaN(seconds) ? 0 : (long)Math.Round(seconds * SimTime.NanosPerSecond);
    }

    /// <inheritdoc />
    public override string ToString() => description;
}
