using XmtpSim.Scenarios.Distributions;

namespace XmtpSim.Scenarios.Tests;

public sealed class DistributionTests
{
    private const int N = 50_000;

    private static double[] Samples(IDistribution d, int seed = 12345)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, N).Select(_ => d.Sample(rng)).Order().ToArray();
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)(p * (sorted.Length - 1))];

    [Fact]
    public void Lognormal_should_have_the_given_median_and_p99()
    {
        var d = new LogNormalDistribution(0.040, 0.150);
        var s = Samples(d);
        Assert.Equal(0.040, Percentile(s, 0.5), 0.040 * 0.03);
        Assert.Equal(0.150, Percentile(s, 0.99), 0.150 * 0.06);
        Assert.Equal(0.040, d.Quantile(0.5), 1e-12);
        Assert.Equal(0.150, d.Quantile(0.99), 1e-9);
        Assert.Equal(d.Mean, s.Average(), d.Mean * 0.03);
    }

    [Fact]
    public void Lognormal_sigma_should_follow_the_documented_formula()
    {
        var d = new LogNormalDistribution(256, 4096);
        Assert.Equal(Math.Log(256), d.Mu, 1e-12);
        Assert.Equal((Math.Log(4096) - Math.Log(256)) / 2.3263478740408408, d.Sigma, 1e-12);
    }

    [Fact]
    public void Normal_should_have_the_given_mean_and_never_be_negative()
    {
        var d = new NormalDistribution(0.040, 0.005);
        var s = Samples(d);
        Assert.Equal(0.040, s.Average(), 0.0005);
        Assert.Equal(0.040, Percentile(s, 0.5), 0.0005);

        var wide = new NormalDistribution(0.001, 0.010);
        var w = Samples(wide);
        Assert.True(w[0] >= 0, "a normal latency is clamped at 0");
        Assert.Equal(wide.Mean, w.Average(), 0.0003);
        Assert.Equal(0, wide.Quantile(0.01));
    }

    [Fact]
    public void Exponential_should_have_the_given_mean()
    {
        var d = new ExponentialDistribution(2.0);
        var s = Samples(d);
        Assert.Equal(2.0, s.Average(), 0.05);
        Assert.Equal(2.0 * Math.Log(2), Percentile(s, 0.5), 0.05);
    }

    [Fact]
    public void Uniform_should_be_flat_between_min_and_max()
    {
        var s = Samples(new UniformDistribution(10, 20));
        Assert.True(s[0] >= 10 && s[^1] <= 20);
        Assert.Equal(15, s.Average(), 0.1);

        var counts = Samples(new UniformDistribution(1, 4, Discrete: true));
        Assert.Equal([1.0, 2.0, 3.0, 4.0], counts.Distinct().Order().ToArray());
        Assert.Equal(2.5, counts.Average(), 0.03);
    }

    [Fact]
    public void Pareto_should_have_the_analytic_median_and_mean()
    {
        var d = new ParetoDistribution(1.0, 3.0);
        var s = Samples(d);
        Assert.Equal(Math.Pow(2, 1 / 3.0), Percentile(s, 0.5), 0.02);
        Assert.Equal(1.5, s.Average(), 0.03);
        Assert.Equal(1.5, d.Mean, 1e-12);
        Assert.True(double.IsPositiveInfinity(new ParetoDistribution(1, 1).Mean));
    }

    [Fact]
    public void Zipf_should_favour_small_values_within_its_range()
    {
        var d = new ZipfDistribution(1.2, 2, 250);
        var s = Samples(d);
        Assert.Equal(2, s[0]);
        Assert.True(s[^1] <= 250);
        Assert.All(s, v => Assert.Equal(Math.Floor(v), v));
        Assert.Equal(d.Mean, s.Average(), d.Mean * 0.03);
        var twos = s.Count(v => v == 2) / (double)N;
        var expected = Math.Pow(2, -1.2) / Enumerable.Range(2, 249).Sum(k => Math.Pow(k, -1.2));
        Assert.Equal(expected, twos, 0.01);
        Assert.Equal(250, d.UpperBound);
    }

    [Fact]
    public void Constant_should_always_return_its_value() =>
        Assert.All(Samples(new ConstantDistribution(7)), v => Assert.Equal(7, v));

    [Fact]
    public void The_same_seed_should_give_the_same_samples()
    {
        IDistribution[] all =
        [
            new LogNormalDistribution(0.04, 0.15), new NormalDistribution(1, 0.5), new ExponentialDistribution(1),
            new UniformDistribution(0, 1), new ParetoDistribution(1, 2), new ZipfDistribution(1.2, 2, 250),
        ];
        foreach (var d in all)
        {
            Assert.Equal(Samples(d, 99), Samples(d, 99));
            Assert.NotEqual(Samples(d, 99), Samples(d, 100));
        }
    }

    [Fact]
    public void Typed_distributions_should_return_values_in_their_units()
    {
        var rng = new Random(1);
        var latency = new DurationDistribution(new LogNormalDistribution(0.040, 0.150));
        Assert.Equal(TimeSpan.FromMilliseconds(40), latency.Quantile(0.5));
        Assert.True(latency.Sample(rng) > TimeSpan.Zero);

        var size = new SizeDistribution(new LogNormalDistribution(256, 4096));
        Assert.Equal(256, size.Quantile(0.5));
        Assert.Equal(4096, size.Quantile(0.99));

        var groups = new CountDistribution(new NormalDistribution(5, 10));
        Assert.All(Enumerable.Range(0, 1000).Select(_ => groups.Sample(rng, 1, 8)), v => Assert.InRange(v, 1, 8));
        Assert.Equal(long.MaxValue, groups.UpperBound);
    }
}
