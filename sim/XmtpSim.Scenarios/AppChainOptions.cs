namespace XmtpSim.Scenarios;

/// <summary>The app chain that orders commits and identity updates (scenario key <c>appchain</c>).</summary>
/// <param name="BlockTime">Time between blocks (default 250ms, Arbitrum Nitro).</param>
/// <param name="GasLimitPerBlock">Gas per block (default 32,000,000).</param>
/// <param name="MaxTxBytes">Largest transaction payload in bytes (default 128KiB = 131,072, the Nitro testnet cap).</param>
public sealed record AppChainOptions(TimeSpan BlockTime, long GasLimitPerBlock, long MaxTxBytes);
