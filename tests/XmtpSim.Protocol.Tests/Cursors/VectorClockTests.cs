using CsCheck;
using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Protocol.Tests.Cursors;

public sealed class VectorClockTests
{
    internal static readonly Gen<VectorClock> Clocks =
        Gen.Select(Gen.UInt[0, 6], Gen.ULong[0, 12]).Array[0, 7]
            .Select(entries => VectorClock.From(entries.Select(e => KeyValuePair.Create(e.Item1, e.Item2))));

    [Fact]
    public void Missing_entries_read_as_zero_and_explicit_zeros_are_equal_to_missing()
    {
        var clock = VectorClock.Of((100, 5), (200, 0));
        Assert.Equal(5UL, clock[100]);
        Assert.Equal(0UL, clock[200]);
        Assert.Equal(0UL, clock[300]);
        Assert.Equal(VectorClock.Of((100, 5)), clock);
        Assert.Equal(1, clock.Count);
    }

    [Fact]
    public void Merge_laws_hold()
    {
        Gen.Select(Clocks, Clocks, Clocks).Sample((a, b, c) =>
        {
            Assert.Equal(a.Merge(b), b.Merge(a));                               // commutative
            Assert.Equal(a.Merge(b).Merge(c), a.Merge(b.Merge(c)));             // associative
            Assert.Equal(a, a.Merge(a));                                         // idempotent
            Assert.Equal(a, a.Merge(VectorClock.Empty));                         // identity
            Assert.True(a.Merge(b).Dominates(a) && a.Merge(b).Dominates(b));     // upper bound
        });
    }

    [Fact]
    public void Dominance_is_a_partial_order_and_merge_is_the_least_upper_bound()
    {
        Gen.Select(Clocks, Clocks, Clocks).Sample((a, b, c) =>
        {
            Assert.True(a.Dominates(a));
            Assert.True(a.Dominates(VectorClock.Empty));
            if (a.Dominates(b) && b.Dominates(a))
            {
                Assert.Equal(a, b);                                               // antisymmetric
            }

            if (a.Dominates(b) && b.Dominates(c))
            {
                Assert.True(a.Dominates(c));                                     // transitive
            }

            if (c.Dominates(a) && c.Dominates(b))
            {
                Assert.True(c.Dominates(a.Merge(b)));                            // least
            }
        });
    }

    [Fact]
    public void Compare_agrees_with_dominance()
    {
        Gen.Select(Clocks, Clocks).Sample((a, b) =>
        {
            var expected = (a.Dominates(b), b.Dominates(a)) switch
            {
                (true, true) => CausalRelation.Equal,
                (true, false) => CausalRelation.After,
                (false, true) => CausalRelation.Before,
                _ => CausalRelation.Concurrent,
            };
            Assert.Equal(expected, a.Compare(b));
        });
        Assert.Equal(CausalRelation.Concurrent, VectorClock.Of((1, 2)).Compare(VectorClock.Of((2, 1))));
        Assert.Equal(CausalRelation.Before, VectorClock.Of((1, 1)).Compare(VectorClock.Of((1, 2), (3, 1))));
    }

    [Fact]
    public void Advance_only_moves_forward()
    {
        Gen.Select(Clocks, Gen.UInt[0, 6], Gen.ULong[0, 12]).Sample((clock, originator, sequence) =>
        {
            var advanced = clock.Advance(originator, sequence);
            Assert.Equal(Math.Max(clock[originator], sequence), advanced[originator]);
            Assert.True(advanced.Dominates(clock));
            Assert.Equal(clock.Merge(VectorClock.Of((originator, sequence))), advanced);
        });
    }

    [Fact]
    public void Text_form_is_canonical()
    {
        Assert.Equal("{0:4, 100:17}", VectorClock.Of((100, 17), (0, 4)).ToString());
        Assert.Equal("{}", VectorClock.Empty.ToString());
    }

    [Fact]
    public void From_keeps_the_maximum_of_repeated_originators_in_any_order_and_drops_zeros()
    {
        Gen.Select(Gen.UInt[0, 6], Gen.ULong[0, 12]).Array[0, 9].Sample(entries =>
        {
            var clock = VectorClock.From(entries.Select(e => KeyValuePair.Create(e.Item1, e.Item2)));
            var expected = entries.Where(e => e.Item2 != 0).GroupBy(e => e.Item1).OrderBy(g => g.Key)
                .Select(g => KeyValuePair.Create(g.Key, g.Max(e => e.Item2))).ToList();
            Assert.Equal(expected, clock.ToList());
            Assert.True(clock.Originators.ToArray().SequenceEqual(expected.Select(e => e.Key)));
        });
    }

    [Fact]
    public void Where_keeps_only_matching_entries()
    {
        var clock = VectorClock.Of((0, 3), (100, 17), (200, 4));
        Assert.Equal(VectorClock.Of((100, 17), (200, 4)), clock.Where(o => o >= 100));
        Assert.Same(clock, clock.Where(_ => true));
        Assert.Same(VectorClock.Empty, clock.Where(_ => false));
    }
}
