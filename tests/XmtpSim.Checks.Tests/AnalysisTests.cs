using XmtpSim.Actors.Journal;
using XmtpSim.Checks.Evaluation;
using XmtpSim.Engine.Journal;
using XmtpSim.Protocol.Cursors;
using static XmtpSim.Checks.Tests.Histories;

namespace XmtpSim.Checks.Tests;

public sealed class AnalysisTests
{
    [Fact]
    public void The_first_missing_delivery_is_the_earliest_acknowledged_envelope_then_the_earliest_join_among_many_joins()
    {
        // 100 clients join at commit 0 in order; 30 envelopes are acknowledged in order; every client applies every
        // envelope but four: client-90 and client-51 miss envelope 5, client-52 (the next join) misses envelope 3, and
        // client-10 misses envelope 12.
        var events = new List<JournalEvent>();
        for (var c = 0; c < 100; c++)
        {
            events.Add(new ClientJoinEvent(c * Ms, $"client-{c}", Topic, 0));
        }

        var misses = new HashSet<(int Client, int Envelope)> { (90, 5), (51, 5), (52, 3), (10, 12) };
        for (var e = 1; e <= 30; e++)
        {
            var at = S * e;
            events.Add(new NodeOriginateEvent(at, "node-100", 100, (ulong)e, Topic, "gateway-1", 100, 0, 0, 300, "{}"));
            events.Add(new ClientAckEvent(at + Ms, "client-0", e, 100, (ulong)e));
            for (var c = 0; c < 100; c++)
            {
                if (!misses.Contains((c, e)))
                {
                    events.Add(new ClientApplyEvent(at + (2 + c) * Ms, $"client-{c}", Topic, 100, (ulong)e, -1, "client-0", "{}", false, "node-100", 1));
                }
            }
        }

        var analysis = new HistoryAnalysis(Record(events));

        Assert.Equal(3000, analysis.ExpectedDeliveries);
        Assert.Equal(2996, analysis.AppliedExpected);
        var first = analysis.FirstMissingDelivery!;
        Assert.Equal(new EnvelopeId(100, 3), first.Envelope);
        Assert.Equal("client-52", first.Client);
        Assert.Equal(4, first.MissingCount);
    }

    [Fact]
    public void Client_applied_answers_exactly_what_was_applied_for_every_client_and_envelope()
    {
        // Clients interleaved with other actors' ids, some applying nothing; envelopes from three originators.
        var random = new Random(7);
        var events = new List<JournalEvent>();
        var applied = new HashSet<(string Client, uint Originator, ulong Sequence)>();
        var clients = Enumerable.Range(1, 12).Select(i => $"client-{i}").ToArray();
        for (var t = 0; t < 400; t++)
        {
            var client = clients[random.Next(clients.Length - 3)]; // the last three never apply anything
            var originator = Nodes[random.Next(Nodes.Length)];
            var sequence = (ulong)random.Next(1, 40);
            events.Add(new ClientApplyEvent(t * Ms, client, Topic, originator, sequence, 0, client, "{}", false, "node-100", 1));
            applied.Add((client, originator, sequence));
        }

        var history = Record(events);
        var analysis = new HistoryAnalysis(history);
        foreach (var client in clients)
        {
            var clientId = history.Actors.TryGetId(client, out var id) ? id : -1;
            foreach (var originator in Nodes)
            {
                for (var sequence = 1UL; sequence < 40; sequence++)
                {
                    var known = analysis.TryGetIndex(new EnvelopeId(originator, sequence), out var envelope);
                    var answer = clientId >= 0 && known && analysis.ClientApplied(clientId, envelope);
                    Assert.Equal(applied.Contains((client, originator, sequence)), answer);
                }
            }
        }

        // An actor id past every client that applied anything, and a negative one, applied nothing.
        Assert.False(analysis.ClientApplied(int.MaxValue - 1, 0));
        Assert.False(analysis.ClientApplied(-1, 0));
    }
}
