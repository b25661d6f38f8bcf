using XmtpSim.Engine;

namespace XmtpSim.Actors;

/// <summary>
/// Virtual CPU time charged per signature operation, in both real and modeled crypto, so simulated timing
/// does not depend on the host's speed (defaults: libsecp256k1 on this machine class).
/// </summary>
public sealed record CryptoCosts(long SignNanos, long RecoverNanos)
{
    /// <summary>29 µs per sign, 47 µs per recover.</summary>
    public static CryptoCosts Default { get; } = new(29 * SimTime.NanosPerMilli / 1000, 47 * SimTime.NanosPerMilli / 1000);
}
