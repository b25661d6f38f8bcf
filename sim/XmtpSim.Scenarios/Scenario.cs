using XmtpSim.Scenarios.Checks;
using XmtpSim.Scenarios.Faults;

namespace XmtpSim.Scenarios;

/// <summary>
/// A scenario file, bound and validated: everything a run needs besides the code. Build one with
/// <see cref="ScenarioLoader"/>; every key and default is listed in <c>docs/scenario-reference.md</c>.
/// </summary>
/// <param name="Name">Required; letters, digits, '.', '_' and '-' only, because it names the output folder.</param>
/// <param name="Seed">The one seed every random stream derives from (default 1).</param>
/// <param name="Duration">Simulated time of the workload phase (default 10m).</param>
/// <param name="Drain">Simulated time after the workload and all faults, for catch-up (default 2m).</param>
/// <param name="Crypto">Real or modeled signatures (default real).</param>
/// <param name="CryptoCost">Virtual CPU cost per operation under modeled crypto (extension key <c>crypto_cost</c>).</param>
/// <param name="Journal">What journal file the run writes (extension key <c>journal</c>, default full).</param>
/// <param name="Network">Nodes, gateways, regions and links.</param>
/// <param name="AppChain">The app chain.</param>
/// <param name="Fees">The rate registry.</param>
/// <param name="Workload">What the clients do.</param>
/// <param name="Faults">The fault schedule, in file order (default none).</param>
/// <param name="Checks">Checks run on the journal at the end, in file order (default none).</param>
public sealed record Scenario(
    string Name,
    long Seed,
    TimeSpan Duration,
    TimeSpan Drain,
    CryptoMode Crypto,
    CryptoCostOptions CryptoCost,
    JournalMode Journal,
    NetworkOptions Network,
    AppChainOptions AppChain,
    FeeOptions Fees,
    WorkloadOptions Workload,
    IReadOnlyList<Fault> Faults,
    IReadOnlyList<Check> Checks);
