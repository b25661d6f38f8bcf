using MathNet.Numerics.Distributions;

namespace XmtpSim.Scenarios.Distributions;

/// <summary>
/// Normal with <see cref="MeanParameter"/> and <see cref="StdDev"/> (base unit), clamped at 0:
/// a negative draw becomes 0, because no latency, size or count is negative. <see cref="Mean"/>
/// and <see cref="Quantile"/> describe the clamped distribution.
/// </summary>
public sealed record NormalDistribution(double MeanParameter, double StdDev) : IDistribution
{
    /// <inheritdoc />
    public double Sample(Random rng) => Math.Max(0, Normal.Sample(rng, MeanParameter, StdDev));

    /// <inheritdoc />
    public double Mean
    {
        get
        {
            if (StdDev == 0)
            {
                return Math.Max(0, MeanParameter);
            }

            // E[max(0, X)] = μΦ(μ/σ) + σφ(μ/σ).
            var z = MeanParameter / StdDev;
            return (MeanParameter * Normal.CDF(0, 1, z)) + (StdDev * Normal.PDF(0, 1, z));
        }
    }

    /// <inheritdoc />
    public double Quantile(double p) => StdDev == 0
        ? Math.Max(0, MeanParameter)
        : Math.Max(0, Normal.InvCDF(MeanParameter, StdDev, p));

    /// <inheritdoc />
    public double UpperBound => StdDev == 0 ? Math.Max(0, MeanParameter) : double.PositiveInfinity;
}
