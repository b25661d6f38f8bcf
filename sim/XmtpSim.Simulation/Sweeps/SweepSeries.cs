namespace XmtpSim.Simulation.Sweeps;

/// <summary>One line of a <see cref="SweepChart"/>: the other keys held at fixed values.</summary>
/// <param name="Label">The other keys' values as <c>key=value, …</c>; empty when only one key is varied.</param>
/// <param name="Points">One point per value of the chart's key, in option order.</param>
public sealed record SweepSeries(string Label, IReadOnlyList<SweepChartPoint> Points);
