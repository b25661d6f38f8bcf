using XmtpSim.Checks.Evaluation;

namespace XmtpSim.Checks.Tests;

public sealed class RadixSortTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(1000, 4)]
    [InlineData(70_000, 5)]
    public void Sorts_like_a_comparison_sort(int count, int seed)
    {
        var random = new Random(seed);
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (i % 4) switch
            {
                0 => random.NextInt64(long.MinValue, long.MaxValue), // every digit in play, the sign too
                1 => random.NextInt64(0, 200_000_000_000), // a latency in nanoseconds
                2 => ((long)random.Next(100_000) << 32) | (uint)random.Next(4_000_000), // an applied key
                _ => values[random.Next(Math.Max(1, i))], // duplicates
            };
        }

        var expected = values.ToArray();
        Array.Sort(expected);

        RadixSort.Sort(values, new long[count + 3]);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void Values_whose_low_digits_are_all_alike_sort_on_the_higher_ones()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 5000).Select(_ => random.NextInt64(-1L << 40, 1L << 40) << 22).ToArray();
        var expected = values.ToArray();
        Array.Sort(expected);

        RadixSort.Sort(values, new long[values.Length]);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void Values_that_share_most_digits_still_sort_on_the_ones_that_differ()
    {
        long[] values = [5L << 40 | 3, 5L << 40 | 1, 4L << 40 | 2, long.MinValue, long.MaxValue, -1, 0];
        var expected = values.ToArray();
        Array.Sort(expected);

        RadixSort.Sort(values, new long[values.Length]);

        Assert.Equal(expected, values);
        Assert.Throws<ArgumentOutOfRangeException>(() => RadixSort.Sort(new long[3], new long[2]));
    }
}
