namespace XmtpSim.Engine.Tests;

/// <summary>The event order is (time, destination, source, counter), signed, whatever the key's layout.</summary>
public sealed class EventKeyTests
{
    private static readonly int[] Indexes = [-1, 0, 1, 2, 255, 256, 65_535, 1 << 20, int.MaxValue - 1, int.MaxValue];

    [Fact]
    public void Keys_order_by_time_then_destination_then_source_then_counter()
    {
        var random = new Random(20261125);
        var keys = new List<(long Time, int Destination, int Source, long Counter)>();
        for (var i = 0; i < 4_000; i++)
        {
            keys.Add((
                random.Next(3) - 1 + (random.Next(2) == 0 ? 0 : long.MaxValue / 2),
                Indexes[random.Next(Indexes.Length)],
                Indexes[random.Next(Indexes.Length)],
                random.NextInt64(-2, 3)));
        }

        var expected = keys.Order().ToList();
        var actual = keys.Select(k => new EventKey(k.Time, k.Destination, k.Source, k.Counter)).Order()
            .Select(k => (k.Time, k.Destination, k.Source, k.Counter)).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_key_reads_back_what_it_was_made_of_and_a_new_time_keeps_the_rest()
    {
        foreach (var destination in Indexes)
        {
            foreach (var source in Indexes)
            {
                var key = new EventKey(7, destination, source, 9) with { Time = 11 };
                Assert.Equal((11L, destination, source, 9L), (key.Time, key.Destination, key.Source, key.Counter));
            }
        }
    }
}
