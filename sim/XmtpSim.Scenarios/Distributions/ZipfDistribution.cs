namespace XmtpSim.Scenarios.Distributions;

/// <summary>
/// Zipf (truncated power law) over the integers [<see cref="Min"/>, <see cref="Max"/>]:
/// P(k) ∝ k^−<see cref="S"/>. Sampled by inverse CDF over a table built once (one double per
/// integer in the range, so the range is limited to <see cref="MaxRange"/> values). Unlike
/// MathNet's Zipf (ranks 1..n), the weight follows the value itself, so <c>min: 2</c> means
/// "groups of two are the most common", not "rank 1 shifted to 2".
/// </summary>
public sealed record ZipfDistribution : IDistribution
{
    /// <summary>The largest number of integers a Zipf range may span (max − min + 1).</summary>
    public const long MaxRange = 10_000_000;

    private readonly double[] _cdf;

    /// <summary>Builds the table. Requires s ≥ 0, 1 ≤ min ≤ max, max − min + 1 ≤ <see cref="MaxRange"/>.</summary>
    public ZipfDistribution(double s, long min, long max)
    {
        if (s < 0 || min < 1 || max < min || max - min + 1 > MaxRange)
        {
            throw new ArgumentOutOfRangeException(nameof(s), $"zipf needs s >= 0 and 1 <= min <= max with at most {MaxRange} values (s={s}, min={min}, max={max})");
        }

        S = s;
        Min = min;
        Max = max;
        _cdf = new double[max - min + 1];
        var total = 0.0;
        for (var k = min; k <= max; k++)
        {
            total += Math.Pow(k, -s);
            _cdf[k - min] = total;
        }

        for (var i = 0; i < _cdf.Length; i++)
        {
            _cdf[i] /= total;
        }

        _cdf[^1] = 1.0;
    }

    /// <summary>The exponent: larger means more mass on small values.</summary>
    public double S { get; }

    /// <summary>The smallest value (inclusive).</summary>
    public long Min { get; }

    /// <summary>The largest value (inclusive).</summary>
    public long Max { get; }

    /// <inheritdoc />
    public double Sample(Random rng) => Quantile(rng.NextDouble());

    /// <inheritdoc />
    public double Mean
    {
        get
        {
            var mean = 0.0;
            var previous = 0.0;
            for (var i = 0; i < _cdf.Length; i++)
            {
                mean += (Min + i) * (_cdf[i] - previous);
                previous = _cdf[i];
            }

            return mean;
        }
    }

    /// <inheritdoc />
    public double Quantile(double p)
    {
        var index = Array.BinarySearch(_cdf, p);
        if (index < 0)
        {
            index = ~index;
        }

        return Min + Math.Min(index, _cdf.Length - 1);
    }

    /// <inheritdoc />
    public double UpperBound => Max;

    /// <inheritdoc />
    public bool Equals(ZipfDistribution? other) =>
        other is not null && S.Equals(other.S) && Min == other.Min && Max == other.Max;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(S, Min, Max);
}
