using MathNet.Numerics.Distributions;

namespace XmtpSim.Scenarios.Distributions;

/// <summary>Exponential with the given mean (base unit; rate = 1 / mean). Requires mean &gt; 0.</summary>
public sealed record ExponentialDistribution(double MeanParameter) : IDistribution
{
    /// <inheritdoc />
    public double Sample(Random rng) => Exponential.Sample(rng, 1 / MeanParameter);

    /// <inheritdoc />
    public double Mean => MeanParameter;

    /// <inheritdoc />
    public double Quantile(double p) => Exponential.InvCDF(1 / MeanParameter, p);

    /// <inheritdoc />
    public double UpperBound => double.PositiveInfinity;
}
