using XmtpSim.Scenarios.Distributions;

namespace XmtpSim.Scenarios;

/// <summary>What the clients do during <c>duration</c> (scenario key <c>workload</c>).</summary>
/// <param name="Clients">Installations (default 1000).</param>
/// <param name="Groups">Group conversations (default 200).</param>
/// <param name="GroupSize">Members per group, a count distribution (default zipf s 1.2 over 2..min(250, clients)); samples are clamped to 1..clients.</param>
/// <param name="MessageRatePerClient">Application messages per second per client (default 0.01).</param>
/// <param name="MessageBytes">Application message size (default lognormal, median 256B, p99 4KiB).</param>
/// <param name="CommitRatePerGroup">MLS commits per second per group; commits go to the app chain (default 0.0005).</param>
/// <param name="RetentionDays">Message retention in days: 2..365, or 4294967295 for forever (default 60, the gateway default).</param>
/// <param name="IdentityUpdatesPerClient">Identity updates each client makes over the workload phase, at least the one that creates its inbox (default 1).</param>
/// <param name="KeyPackagesPerClient">Key packages each client uploads at start (extension key, default 1).</param>
public sealed record WorkloadOptions(
    int Clients,
    int Groups,
    CountDistribution GroupSize,
    double MessageRatePerClient,
    SizeDistribution MessageBytes,
    double CommitRatePerGroup,
    long RetentionDays,
    int IdentityUpdatesPerClient,
    int KeyPackagesPerClient)
{
    /// <summary>The retention value xmtpd accepts as "keep forever".</summary>
    public const long RetentionForever = uint.MaxValue;
}
