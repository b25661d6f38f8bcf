namespace XmtpSim.Scenarios.Distributions;

/// <summary>Always <see cref="Value"/> (base unit). A plain scalar in a scenario file becomes this.</summary>
public sealed record ConstantDistribution(double Value) : IDistribution
{
    /// <inheritdoc />
    public double Sample(Random rng) => Value;

    /// <inheritdoc />
    public double Mean => Value;

    /// <inheritdoc />
    public double Quantile(double p) => Value;

    /// <inheritdoc />
    public double UpperBound => Value;
}
