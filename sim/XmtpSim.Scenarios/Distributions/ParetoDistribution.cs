using MathNet.Numerics.Distributions;

namespace XmtpSim.Scenarios.Distributions;

/// <summary>
/// Pareto (type I) with minimum value <see cref="Scale"/> (base unit, also written <c>min</c>) and
/// tail index <see cref="Shape"/> (also written <c>alpha</c>). Heavier tails for smaller shape;
/// the mean is infinite when shape ≤ 1. Requires scale &gt; 0 and shape &gt; 0.
/// </summary>
public sealed record ParetoDistribution(double Scale, double Shape) : IDistribution
{
    /// <inheritdoc />
    public double Sample(Random rng) => Pareto.Sample(rng, Scale, Shape);

    /// <inheritdoc />
    public double Mean => Shape <= 1 ? double.PositiveInfinity : Shape * Scale / (Shape - 1);

    /// <inheritdoc />
    public double Quantile(double p) => Scale / Math.Pow(1 - p, 1 / Shape);

    /// <inheritdoc />
    public double UpperBound => double.PositiveInfinity;
}
