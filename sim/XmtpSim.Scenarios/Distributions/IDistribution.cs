namespace XmtpSim.Scenarios.Distributions;

/// <summary>
/// A one-dimensional probability distribution over non-negative values in a base unit chosen by
/// the caller (seconds for durations, bytes for sizes, a plain number for counts).
/// Sampling draws only from the <see cref="Random"/> it is handed, so a seeded stream gives the
/// same samples on every run and machine.
/// </summary>
public interface IDistribution
{
    /// <summary>Draws one value in the base unit. Never negative: see each implementation's clamp.</summary>
    double Sample(Random rng);

    /// <summary>The mean of <see cref="Sample"/> (after clamping), in the base unit; may be +∞.</summary>
    double Mean { get; }

    /// <summary>The value below which a fraction <paramref name="p"/> (0..1) of samples fall, in the base unit.</summary>
    double Quantile(double p);

    /// <summary>The largest value <see cref="Sample"/> can return, in the base unit; +∞ when unbounded.</summary>
    double UpperBound { get; }
}
