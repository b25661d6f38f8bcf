using XmtpSim.Engine.Network;

namespace XmtpSim.Engine.Tests;

public sealed class NetworkModelTests
{
    private const long Ms = SimTime.NanosPerMilli;

    [Theory]
    [InlineData(20)] // a client's few links
    [InlineData(600)] // a node's many: past the point where a sender keeps one slot per actor
    public void Every_link_delivers_in_the_order_it_was_sent_however_many_links_a_sender_has(int receivers)
    {
        // One sender to every receiver, against the same sends as one link per sender (each sender's first
        // and only link): the same random draws, so every arrival must be the same.
        var fanOut = Network(receivers);
        var oneEach = Network(receivers);
        var (fanOutRandom, oneEachRandom) = (new Random(3), new Random(3));
        Span<long> arrivals = stackalloc long[2];
        Span<long> expected = stackalloc long[2];
        var last = new long[receivers + 1];
        var heldBack = 0;
        for (var round = 0; round < 40; round++)
        {
            var depart = round * Ms; // a send every millisecond: latencies up to 81 ms would overtake without TCP's order
            for (var to = 1; to <= receivers; to++)
            {
                Assert.Equal(1, fanOut.Schedule(0, to, 100, depart, fanOutRandom, arrivals));
                Assert.Equal(1, oneEach.Schedule(to, 0, 100, depart, oneEachRandom, expected));
                Assert.Equal(expected[0], arrivals[0]);
                Assert.True(arrivals[0] >= last[to], $"link 0->{to} reordered in round {round}");
                heldBack += arrivals[0] == last[to] ? 1 : 0; // waited behind an earlier, slower message
                last[to] = arrivals[0];
            }
        }

        Assert.True(heldBack > 0, "the latencies never made a later message wait");

        // A send to the engine (a reply to an injected message) keeps its own link, whatever else the sender has.
        Assert.Equal(1, fanOut.Schedule(0, -1, 100, 0, fanOutRandom, arrivals));
        Assert.InRange(arrivals[0], Ms, 81 * Ms);
    }

    private static NetworkModel Network(int receivers)
    {
        var network = new NetworkModel(new NetworkOptions
        {
            DefaultLatency = new SampledLatency(r => 0.001 + (r.NextDouble() * 0.080), "uniform 1-81 ms"),
        });
        for (var i = 0; i <= receivers; i++)
        {
            network.AddActor(0, 0);
        }

        return network;
    }
}
