using XmtpSim.Checks;
using XmtpSim.Checks.Results;
using XmtpSim.Engine;

namespace XmtpSim.Simulation;

/// <summary>What a run produced: the results model, engine counters and the files written.</summary>
public sealed record RunOutcome(RunResults Results, EngineStats Engine, IReadOnlyList<string> Files)
{
    /// <summary>True when every check passed.</summary>
    public bool AllChecksPassed => Results.AllChecksPassed;

    /// <summary>The check verdicts.</summary>
    public IReadOnlyList<CheckResult> Checks => Results.Checks;
}
