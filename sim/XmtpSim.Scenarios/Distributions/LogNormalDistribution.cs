using MathNet.Numerics.Distributions;

namespace XmtpSim.Scenarios.Distributions;

/// <summary>
/// Log-normal given by its <see cref="Median"/> and 99th percentile <see cref="P99"/> (base unit),
/// the way latencies and message sizes are usually quoted: μ = ln(median),
/// σ = (ln(p99) − μ) / z₀.₉₉ with z₀.₉₉ = 2.3263478740408408. Requires 0 &lt; median &lt; p99.
/// </summary>
public sealed record LogNormalDistribution(double Median, double P99) : IDistribution
{
    /// <summary>The standard normal 99th percentile.</summary>
    public const double Z99 = 2.3263478740408408;

    /// <summary>μ, the mean of ln(X).</summary>
    public double Mu => Math.Log(Median);

    /// <summary>σ, the standard deviation of ln(X).</summary>
    public double Sigma => (Math.Log(P99) - Mu) / Z99;

    /// <inheritdoc />
    public double Sample(Random rng) => LogNormal.Sample(rng, Mu, Sigma);

    /// <inheritdoc />
    public double Mean => Math.Exp(Mu + (Sigma * Sigma / 2));

    /// <inheritdoc />
    public double Quantile(double p) => LogNormal.InvCDF(Mu, Sigma, p);

    /// <inheritdoc />
    public double UpperBound => double.PositiveInfinity;
}
