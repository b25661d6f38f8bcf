using XmtpSim.Engine;
using XmtpSim.Scenarios;

namespace XmtpSim.Actors.Chain;

/// <summary>The app-chain sequencer model (spec §16 "Chains"): block time, per-block gas budget, transaction and payload caps.</summary>
/// <param name="BlockTimeNanos">Time between sealed blocks, nanoseconds (Arbitrum Nitro: 250 ms).</param>
/// <param name="GasLimitPerBlock">Gas a block may use; a transaction needing more than this alone is refused.</param>
/// <param name="MaxTxBytes">Largest payload a transaction may carry, bytes (Nitro testnet: 131,072).</param>
/// <param name="MinPayloadBytes">Broadcaster <c>minPayloadSize</c>, bytes (starting parameter 78).</param>
/// <param name="MaxPayloadBytes">Broadcaster <c>maxPayloadSize</c>, bytes (starting parameter 262,144).</param>
public sealed record AppChainSettings(long BlockTimeNanos, long GasLimitPerBlock, int MaxTxBytes, int MinPayloadBytes = 78, int MaxPayloadBytes = 262_144)
{
    /// <summary>The settings of a scenario's <c>appchain</c> section (broadcaster payload bounds at their starting parameters).</summary>
    public static AppChainSettings From(AppChainOptions options) =>
        new(SimTime.Nanos(options.BlockTime), options.GasLimitPerBlock, checked((int)options.MaxTxBytes));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent field.</summary>
    public void Validate()
    {
        if (BlockTimeNanos <= 0)
        {
            throw new ArgumentException($"BlockTimeNanos must be positive, got {BlockTimeNanos}");
        }

        if (GasLimitPerBlock <= 0)
        {
            throw new ArgumentException($"GasLimitPerBlock must be positive, got {GasLimitPerBlock}");
        }

        if (MaxTxBytes <= 0)
        {
            throw new ArgumentException($"MaxTxBytes must be positive, got {MaxTxBytes}");
        }

        if (MinPayloadBytes < 0 || MinPayloadBytes > MaxPayloadBytes)
        {
            throw new ArgumentException($"payload bounds must satisfy 0 <= MinPayloadBytes <= MaxPayloadBytes, got {MinPayloadBytes}..{MaxPayloadBytes}");
        }
    }
}
