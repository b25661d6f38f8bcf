namespace XmtpSim.Simulation.Sweeps;

/// <summary>One x of a <see cref="SweepSeries"/>.</summary>
/// <param name="XText">The key's value as written.</param>
/// <param name="X">The numeric x (bytes, seconds or the number), or null on a categorical axis.</param>
/// <param name="Category">0-based position of the value in the option (the x of a categorical axis).</param>
/// <param name="Estimate">The figure over the point's seeds: mean, and interval when K ≥ 2.</param>
/// <param name="Point">The sweep point it comes from.</param>
public sealed record SweepChartPoint(string XText, double? X, int Category, Estimate Estimate, SweepPoint Point);
