using XmtpSim.Actors.Journal;
using XmtpSim.Checks.Evaluation;
using XmtpSim.Engine.Journal;
using XmtpSim.Protocol.Cursors;
using static XmtpSim.Checks.Tests.Histories;

namespace XmtpSim.Checks.Tests;

public sealed class AnalysisTests
{
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
