namespace XmtpSim.Protocol.Ordering;

/// <summary>
/// How long a client keeps an envelope parked while it fetches the missing dependency (libxmtp's
/// network backoff, spec §5.5). Retries happen at parked + b, + b·m, + b·m², … capped at
/// <see cref="MaxBackoff"/>; after <see cref="GiveUpAfter"/> the dependency is dropped and the envelope is applied.
/// </summary>
public sealed record CausalDeliveryOptions
{
    /// <summary>First retry delay after parking.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Factor between successive retry delays.</summary>
    public double Multiplier { get; init; } = 2.0;

    /// <summary>Longest single retry delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time after parking when the client gives up waiting and drops the dependency.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Defaults.</summary>
    public static CausalDeliveryOptions Default { get; } = new();
}
