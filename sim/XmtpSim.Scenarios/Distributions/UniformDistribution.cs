using MathNet.Numerics.Distributions;

namespace XmtpSim.Scenarios.Distributions;

/// <summary>
/// Uniform over [<see cref="Min"/>, <see cref="Max"/>] (base unit). When <see cref="Discrete"/>
/// (counts), every integer in the closed range is equally likely; otherwise the range is continuous.
/// </summary>
public sealed record UniformDistribution(double Min, double Max, bool Discrete = false) : IDistribution
{
    /// <inheritdoc />
    public double Sample(Random rng) => Discrete
        ? DiscreteUniform.Sample(rng, (int)Math.Ceiling(Min), (int)Math.Floor(Max))
        : ContinuousUniform.Sample(rng, Min, Max);

    /// <inheritdoc />
    public double Mean => Discrete ? (Math.Ceiling(Min) + Math.Floor(Max)) / 2 : (Min + Max) / 2;

    /// <inheritdoc />
    public double Quantile(double p)
    {
        if (!Discrete)
        {
            return Min + (p * (Max - Min));
        }

        var lo = Math.Ceiling(Min);
        var n = Math.Floor(Max) - lo + 1;
        return Math.Min(Math.Floor(Max), lo + Math.Max(0, Math.Ceiling(p * n) - 1));
    }

    /// <inheritdoc />
    public double UpperBound => Discrete ? Math.Floor(Max) : Max;
}
