namespace XmtpSim.Engine.Network;

/// <summary>A one-way latency: constant or drawn from a distribution with the sender's random stream.</summary>
public interface ILatency
{
    /// <summary>One sample, nanoseconds (never negative).</summary>
    long SampleNanos(Random random);
}
