using XmtpSim.Checks.Results;
using XmtpSim.Scenarios;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>A number taken from every run of a sweep: a <c>sweep.csv</c> column and, when charted, a table and a chart per varied key.</summary>
/// <param name="Name">Stable column name (snake_case, unit suffix), e.g. <c>cost_per_100k_messages_dollars</c>.</param>
/// <param name="Title">Human title for tables and charts.</param>
/// <param name="Unit">Unit for axis labels (ms, picodollars, $, ratio, …).</param>
/// <param name="IsInteger">Whether a run's value is a whole number (written without decimals).</param>
/// <param name="Charted">Whether sweep.md, sweep.html and the charts show it (every figure is in sweep.csv).</param>
/// <param name="Compute">The run's value from its results and its scenario; NaN when undefined (e.g. no messages).</param>
public sealed record HeadlineFigure(string Name, string Title, string Unit, bool IsInteger, bool Charted, Func<RunResults, Scenario, double> Compute);
