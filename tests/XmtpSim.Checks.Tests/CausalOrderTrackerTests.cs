using XmtpSim.Actors.Journal;
using XmtpSim.Checks.Evaluation;
using XmtpSim.Checks.Recording;
using XmtpSim.Engine.Journal;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Scenarios.Checks;
using static XmtpSim.Checks.Tests.Histories;

namespace XmtpSim.Checks.Tests;

public sealed class CausalOrderTrackerTests
{
    private static readonly uint[] Originators = [0, 1, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];

    [Fact]
    public void A_join_later_in_the_same_instant_counts_for_the_applies_before_it_as_in_the_replay()
    {
        List<JournalEvent> events =
        [
            Apply(5, "client-1", Topic, 100, 1, "{0:2}"),
            new ClientJoinEvent(5, "client-1", Topic, 2),
            Apply(6, "client-1", Topic, 100, 2, "{0:3}"),
            new ClientJoinEvent(7, "client-1", Topic, 3),
        ];

        var history = Record(events);

        Assert.True(history.CausalOrder.Exact);
        var tally = history.CausalOrder.Tally();
        Assert.Equal(CausalOrder.Replay(history), tally);
        Assert.Equal(1, tally.Violations); // the second apply: its join came an instant later
        Assert.Equal(new EnvelopeId(0, 3), tally.First!.Value.Dependency);
    }

    [Fact]
    public void An_apply_waits_for_a_join_of_the_instant_its_time_reached()
    {
        // client-1's actor applies at 7 (an instant at 5, plus 2 of CPU); the engine's next instant is at 7, and a
        // join journaled there comes first in the replay, as its time is not after the apply's.
        List<JournalEvent> events =
        [
            new DeliverEvent(5, "node-100", "client-1", "TopicEnvelopes"),
            Apply(7, "client-1", Topic, 100, 1, "{0:2}"),
            new DeliverEvent(7, "node-100", "client-2", "TopicEnvelopes"),
            new ClientJoinEvent(7, "client-1", Topic, 2),
            new DeliverEvent(9, "node-100", "client-2", "TopicEnvelopes"),
        ];

        var history = Record(events);

        Assert.True(history.CausalOrder.Exact);
        var tally = history.CausalOrder.Tally();
        Assert.Equal(CausalOrder.Replay(history), tally);
        Assert.Equal(0, tally.Violations);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Tracking_while_recording_gives_the_replay_s_tally_on_random_journals(int seed)
    {
        var events = RandomJournal(new Random(seed), 600);
        var history = Record(events);

        Assert.True(history.CausalOrder.Exact);
        var tally = history.CausalOrder.Tally();
        Assert.Equal(Reference(history), CausalOrder.Replay(history));
        Assert.Equal(CausalOrder.Replay(history), tally);
        Assert.True(tally.Violations > 0 && tally.Violations < history.Applies.Count, $"{tally.Violations} of {history.Applies.Count}");
        Assert.True(tally.Dropped > 0, "no dropped dependency drawn");
    }

    [Fact]
    public void A_join_earlier_than_a_delivery_before_it_stops_the_tracker_and_the_check_replays_the_history()
    {
        var events = RandomJournal(new Random(11), 300);
        events.Insert(100, new DeliverEvent(1_000_000, "node-100", "client-1", "TopicEnvelopes"));
        var history = Record(events);

        Assert.False(history.CausalOrder.Exact);
        Assert.Throws<InvalidOperationException>(() => history.CausalOrder.Tally());
        var result = CheckRunner.Run([CausalOrderCheck.Instance], history)[0];
        var replay = CausalOrder.Replay(history);
        Assert.Equal(Reference(history), replay);
        Assert.True(replay.Violations > 0);
        Assert.Contains($"{replay.Violations} violations ({replay.Dropped} with a dropped dependency)", result.Evidence, StringComparison.Ordinal);
        Assert.False(result.Passed);
    }

    // A journal shaped like the engine's: instants in order, each with deliveries at the instant's time, and joins and
    // applies of 5 clients on 2 topics at the instant's time plus the CPU their actor charged (so not in time order),
    // from 12 originators (more columns than the tracker starts with).
    private static List<JournalEvent> RandomJournal(Random random, int count)
    {
        var events = new List<JournalEvent>(count);
        var instant = 0L;
        for (var i = 0; i < count; i++)
        {
            instant += random.Next(3);
            if (random.Next(3) == 0)
            {
                events.Add(new DeliverEvent(instant, "node-100", "client-1", "TopicEnvelopes"));
                continue;
            }

            var time = instant + random.Next(4);
            var client = $"client-{random.Next(5)}";
            var topic = random.Next(2) == 0 ? Topic : Topic + "x";
            if (random.Next(5) == 0)
            {
                events.Add(new ClientJoinEvent(time, client, topic, (ulong)random.Next(6)));
                continue;
            }

            var dependencies = Originators.Where(_ => random.Next(4) == 0).Select(o => $"{o}:{random.Next(1, 8)}");
            var dependsOn = "{" + string.Join(", ", dependencies) + "}";
            events.Add(Apply(time, client, topic, Originators[random.Next(Originators.Length)], (ulong)random.Next(1, 10), dependsOn,
                dropped: random.Next(25) == 0));
        }

        return events;
    }

    // The rule as plainly as it can be written, for the replay and the tracker to be held to: one dictionary entry per
    // (client, topic, originator), the joins taken before each apply as the replay takes them.
    private static CausalTally Reference(RecordedHistory history)
    {
        var applied = new Dictionary<(int, int, uint), ulong>();
        void Advance((int, int, uint) key, ulong sequence) => applied[key] = Math.Max(applied.GetValueOrDefault(key), sequence);
        var tally = default(CausalTally);
        var nextJoin = 0;
        foreach (var apply in history.Applies)
        {
            for (; nextJoin < history.Joins.Count && history.Joins[nextJoin].TimeNs <= apply.TimeNs; nextJoin++)
            {
                var join = history.Joins[nextJoin];
                Advance((join.Client, join.Topic, 0), join.CommitSequence);
            }

            var missing = Enumerable.Range(apply.DependsOnStart, apply.DependsOnCount)
                .Select(i => history.DependencyPool[i])
                .Where(d => applied.GetValueOrDefault((apply.Client, apply.Topic, d.Originator)) < d.Sequence)
                .Select(d => (EnvelopeId?)d)
                .FirstOrDefault();
            if (apply.DependencyDropped || missing is not null)
            {
                tally.Violations++;
                tally.Dropped += apply.DependencyDropped ? 1 : 0;
                tally.First ??= apply.DependencyDropped
                    ? new CausalViolation(apply, null, 0)
                    : new CausalViolation(apply, missing, applied.GetValueOrDefault((apply.Client, apply.Topic, missing!.Value.Originator)));
            }

            Advance((apply.Client, apply.Topic, apply.Envelope.Originator), apply.Envelope.Sequence);
        }

        return tally;
    }

    private static ClientApplyEvent Apply(long timeNs, string client, string topic, uint originator, ulong sequence, string dependsOn, bool dropped = false) =>
        new(timeNs, client, topic, originator, sequence, 0, "client-9", dependsOn, dropped, "node-100", 100);
}
