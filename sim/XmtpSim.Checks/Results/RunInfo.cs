namespace XmtpSim.Checks.Results;

/// <summary>What the run pipeline knows besides the journal.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="JournalSha256">Lower-case hex SHA-256 of the journal (<c>JournalWriter.Finish()</c>).</param>
/// <param name="SimSeconds">Simulated time covered, seconds (workload plus drain).</param>
/// <param name="WallSeconds">Wall time of the simulation and checks, seconds (the only non-deterministic field).</param>
/// <param name="Crypto">Crypto scheme: <c>real</c> or <c>modeled</c>.</param>
/// <param name="Wall">Where the wall time went and the peak memory, when measured.</param>
public sealed record RunInfo(string Scenario, long Seed, string JournalSha256, double SimSeconds, double WallSeconds, string Crypto, WallProfile? Wall = null);
