namespace XmtpSim.Checks.Results;

/// <summary>
/// The results model of one run: every <c>summary.json</c> field of SCENARIOS.md ("Outputs of run") plus
/// extras. Built by <see cref="RunResultsBuilder"/>; drawn by reports, written by <c>SummaryJson</c>. Only
/// <see cref="WallSeconds"/> and <see cref="Wall"/> differ between two runs of the same scenario and seed.
/// </summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Seed">Seed.</param>
/// <param name="JournalSha256">Hex SHA-256 of the journal.</param>
/// <param name="SimSeconds">Simulated seconds covered.</param>
/// <param name="WallSeconds">Wall seconds of the simulation and checks.</param>
/// <param name="Events">Journal events.</param>
/// <param name="EnvelopesPublished">Client publishes.</param>
/// <param name="EnvelopesDelivered">Client applies.</param>
/// <param name="LatencyMs">Publish-to-apply latency.</param>
/// <param name="Checks">Every check's verdict and evidence, in scenario order.</param>
/// <param name="Fees">Fees.</param>
/// <param name="Faults">Faults as journaled.</param>
/// <param name="MisbehaviorReports">Misbehavior reports as journaled.</param>
/// <param name="Crypto">Crypto scheme.</param>
/// <param name="Delivery">Publishes and expected deliveries.</param>
/// <param name="Messages">Wire traffic.</param>
/// <param name="Chain">App chain.</param>
/// <param name="Replication">Replication lag and anomalies.</param>
/// <param name="EventsByKind">Journal events per kind, ordinal order.</param>
public sealed record RunResults(
    string Scenario,
    long Seed,
    string JournalSha256,
    double SimSeconds,
    double WallSeconds,
    long Events,
    long EnvelopesPublished,
    long EnvelopesDelivered,
    LatencySummary LatencyMs,
    IReadOnlyList<CheckResult> Checks,
    FeeSummary Fees,
    IReadOnlyList<FaultEntry> Faults,
    IReadOnlyList<MisbehaviorReportEntry> MisbehaviorReports,
    string Crypto,
    DeliverySummary Delivery,
    TrafficSummary Messages,
    ChainSummary Chain,
    ReplicationSummary Replication,
    IReadOnlyList<KeyValuePair<string, long>> EventsByKind)
{
    /// <summary>True when every check passed (exit code 0).</summary>
    /// <summary>Where the wall time went and the peak memory, when the run measured them.</summary>
    public WallProfile? Wall { get; init; }

    public bool AllChecksPassed => Checks.All(c => c.Passed);
}
