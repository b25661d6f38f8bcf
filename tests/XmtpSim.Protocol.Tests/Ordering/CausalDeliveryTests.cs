using CsCheck;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Ordering;

namespace XmtpSim.Protocol.Tests.Ordering;

public sealed class CausalDeliveryTests
{
    private static CausalEnvelope<string> Env(uint o, ulong s, long ns, VectorClock? deps = null, bool commit = false) =>
        new(new EnvelopeId(o, s), ns, deps ?? VectorClock.Empty, commit, $"{o}:{s}");

    [Fact]
    public void Parks_an_envelope_until_its_commit_arrives_then_releases_it_immediately()
    {
        var buffer = new CausalDeliveryBuffer<string>();
        var message = Env(100, 7, ns: 2_000, VectorClock.Of((0, 3)));
        Assert.Empty(buffer.Offer([message], nowNs: 10));
        Assert.Equal(1, buffer.ParkedCount);

        var applied = buffer.Offer([Env(0, 3, ns: 1_000, commit: true)], nowNs: 20);
        Assert.Equal(["0:3", "100:7"], applied.Select(d => d.Envelope.Payload));
        Assert.Equal(0, buffer.ParkedCount);
        Assert.Equal(VectorClock.Of((0, 3), (100, 7)), buffer.Cursor);
    }

    [Fact]
    public void Sorts_a_batch_by_timestamp_with_commits_first_on_ties()
    {
        var buffer = new CausalDeliveryBuffer<string>();
        var applied = buffer.Offer([Env(200, 1, 50), Env(100, 1, 30), Env(0, 1, 30, commit: true)], 0);
        Assert.Equal(["0:1", "100:1", "200:1"], applied.Select(d => d.Envelope.Payload));
    }

    [Fact]
    public void Duplicates_are_applied_once()
    {
        var buffer = new CausalDeliveryBuffer<string>();
        Assert.Single(buffer.Offer([Env(100, 1, 1), Env(100, 1, 1)], 0));
        Assert.Empty(buffer.Offer([Env(100, 1, 1)], 0));
        Assert.Equal(1, buffer.AppliedCount);
    }

    [Fact]
    public void Retries_back_off_and_the_dependency_is_dropped_after_give_up()
    {
        var options = new CausalDeliveryOptions
        {
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            Multiplier = 2,
            MaxBackoff = TimeSpan.FromSeconds(1),
            GiveUpAfter = TimeSpan.FromSeconds(5),
        };
        const long ms = 1_000_000;
        var buffer = new CausalDeliveryBuffer<string>(options);
        buffer.Offer([Env(100, 1, 1, VectorClock.Of((0, 9)))], nowNs: 0);
        Assert.True(buffer.DueFetches(50 * ms).IsEmpty);                       // not due yet
        Assert.Equal(VectorClock.Of((0, 9)), buffer.DueFetches(100 * ms));      // first retry at 100 ms
        Assert.True(buffer.DueFetches(250 * ms).IsEmpty);                       // next at 100 + 200 ms
        Assert.False(buffer.DueFetches(300 * ms).IsEmpty);
        Assert.Empty(buffer.GiveUp(4_999 * ms));
        var forced = Assert.Single(buffer.GiveUp(5_000 * ms));
        Assert.True(forced.DependencyDropped);
        Assert.Null(buffer.NextDeadlineNs);
    }

    /// <summary>
    /// For any causal history in which commits (originator 0) each build on the previous commit and
    /// messages depend on the latest commit their sender saw, and for any arrival order with duplicates
    /// and any batching, every envelope is applied exactly once and never before its dependencies.
    /// </summary>
    [Fact]
    public void Any_arrival_order_applies_everything_once_and_respects_dependencies()
    {
        var histories = Gen.Select(Gen.Int[1, 40], Gen.Int[0, int.MaxValue]).Select((count, seed) => (count, seed));
        histories.Sample(h =>
        {
            var random = new Random(h.seed);
            var history = BuildHistory(h.count, random);
            var arrivals = history.Concat(history.Where(_ => random.NextDouble() < 0.3)).OrderBy(_ => random.Next()).ToList();

            var buffer = new CausalDeliveryBuffer<string>();
            var applied = new List<EnvelopeId>();
            var position = 0;
            while (position < arrivals.Count)
            {
                var take = random.Next(1, 6);
                foreach (var delivery in buffer.Offer(arrivals.Skip(position).Take(take), position))
                {
                    Assert.False(delivery.DependencyDropped);
                    foreach (var (originator, sequence) in delivery.Envelope.DependsOn)
                    {
                        Assert.Contains(new EnvelopeId(originator, sequence), applied);
                    }

                    applied.Add(delivery.Envelope.Id);
                }

                position += take;
            }

            Assert.Equal(history.Count, applied.Count);
            Assert.Equal(history.Select(e => e.Id).Order(), applied.Order());
            Assert.Equal(0, buffer.ParkedCount);
        });
    }

    private static List<CausalEnvelope<string>> BuildHistory(int count, Random random)
    {
        var history = new List<CausalEnvelope<string>>();
        var nextSequence = new Dictionary<uint, ulong> { [0] = 1, [100] = 1, [200] = 1, [300] = 1 };
        ulong latestCommit = 0;
        for (var i = 0; i < count; i++)
        {
            var originator = new uint[] { 0, 100, 200, 300 }[random.Next(4)];
            var sequence = nextSequence[originator];
            nextSequence[originator] += (ulong)random.Next(1, 3); // node sequence ids may skip
            if (originator == 0)
            {
                sequence = latestCommit + 1;
                nextSequence[0] = sequence + 1;
                var deps = latestCommit == 0 ? VectorClock.Empty : VectorClock.Of((0, latestCommit));
                latestCommit = sequence;
                history.Add(Env(0, sequence, random.Next(0, 1000), deps, commit: true));
            }
            else
            {
                var seen = latestCommit == 0 ? 0UL : (ulong)random.Next(0, (int)latestCommit + 1);
                var deps = seen == 0 ? VectorClock.Empty : VectorClock.Of((0, seen));
                history.Add(Env(originator, sequence, random.Next(0, 1000), deps));
            }
        }

        return history;
    }
}
