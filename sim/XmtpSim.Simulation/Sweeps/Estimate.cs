using MathNet.Numerics.Distributions;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// A figure across the seeds of one point: mean, sample standard deviation and a two-sided 95 % confidence interval
/// for the mean with Student's t (n − 1 degrees of freedom). With one run there is no interval: <see cref="Low"/> and
/// <see cref="High"/> are null and <see cref="StdDev"/> is 0.
/// </summary>
/// <param name="N">Runs with a value (runs whose figure is undefined, NaN, are left out).</param>
/// <param name="Mean">Mean (NaN when <paramref name="N"/> is 0).</param>
/// <param name="StdDev">Sample standard deviation (n − 1 denominator); 0 when <paramref name="N"/> &lt; 2.</param>
/// <param name="Low">Lower end of the 95 % interval, or null when <paramref name="N"/> &lt; 2.</param>
/// <param name="High">Upper end of the 95 % interval, or null when <paramref name="N"/> &lt; 2.</param>
public sealed record Estimate(int N, double Mean, double StdDev, double? Low, double? High)
{
    /// <summary>The confidence level of the interval.</summary>
    public const double Confidence = 0.95;

    /// <summary>Whether there is an interval (N ≥ 2).</summary>
    public bool HasInterval => Low.HasValue && High.HasValue;

    /// <summary>Half the interval's width (0 without one).</summary>
    public double HalfWidth => HasInterval ? (High!.Value - Low!.Value) / 2 : 0;

    /// <summary>The estimate of <paramref name="values"/>; NaN values are skipped.</summary>
    public static Estimate Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var xs = values.Where(v => !double.IsNaN(v)).ToArray();
        var n = xs.Length;
        if (n == 0)
        {
            return new Estimate(0, double.NaN, 0, null, null);
        }

        var mean = xs.Sum() / n;
        if (n == 1)
        {
            return new Estimate(1, mean, 0, null, null);
        }

        var sumSquares = xs.Sum(x => (x - mean) * (x - mean));
        var sd = Math.Sqrt(sumSquares / (n - 1));
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - Confidence) / 2));
        var half = t * sd / Math.Sqrt(n);
        return new Estimate(n, mean, sd, mean - half, mean + half);
    }
}
