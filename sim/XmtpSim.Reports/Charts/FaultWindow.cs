namespace XmtpSim.Reports.Charts;

/// <summary>A fault as a span of simulated time, shaded on every time chart (an instant when start equals end).</summary>
/// <param name="Kind">partition | block | crash | latency | reset | byzantine | … as journaled.</param>
/// <param name="StartSeconds">Simulated start, seconds.</param>
/// <param name="EndSeconds">Simulated end, seconds (the run's end when the fault never ended).</param>
/// <param name="Label">Short label drawn on the chart.</param>
/// <param name="Detail">The journal's detail text of the fault's start.</param>
/// <param name="Ended">False when the run ended before the fault did.</param>
public sealed record FaultWindow(string Kind, double StartSeconds, double EndSeconds, string Label, string Detail, bool Ended)
{
    /// <summary>True for a fault with no duration (a reset, a single Byzantine act).</summary>
    public bool IsInstant => EndSeconds <= StartSeconds;
}
