using Google.Protobuf;
using XmtpSim.Actors.Node;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Mls;
using XmtpSim.Protocol.Topics;

namespace XmtpSim.Actors.Tests;

public sealed class NodeStoreTests
{
    private static readonly SigningKey Payer = SigningKey.Derive("payer", 1);
    private static readonly SigningKey Node = SigningKey.Derive("node-100", 1);
    private static readonly ModeledSignatureScheme Scheme = Modeled();
    private static readonly byte[] GroupId = [.. Enumerable.Range(0, 16).Select(i => (byte)i)];

    private static ModeledSignatureScheme Modeled()
    {
        var scheme = new ModeledSignatureScheme();
        scheme.Register(Payer);
        scheme.Register(Node);
        return scheme;
    }

    private static ParsedOriginatorEnvelope Row(uint originator, ulong sequence, byte[]? groupId = null)
    {
        groupId ??= GroupId;
        var frame = MlsFrame.Build(groupId, 1, MlsContentType.Application, 200, sequence);
        var client = ClientEnvelopes.GroupMessage(groupId, ByteString.CopyFrom(frame));
        var payer = EnvelopeSigner.SignPayer(Scheme, Payer, client, originator, 30);
        var stamp = OriginatorStamp.ForRetention(originator, sequence, 1_780_000_000_000_000_000, 100, 0, 1_780_000_000, 30);
        var signed = EnvelopeSigner.SignOriginator(Scheme, Node, stamp, payer);
        return EnvelopeParser.ParseOriginator(signed.ToByteString(), Scheme).Unwrap();
    }

    [Fact]
    public void Rows_are_unique_on_originator_and_sequence_whatever_order_they_arrive_in()
    {
        var store = new NodeStore();

        Assert.True(store.TryAdd(Row(100, 5)));
        Assert.True(store.TryAdd(Row(100, 3)));
        Assert.True(store.TryAdd(Row(200, 3)));
        Assert.True(store.TryAdd(Row(100, 4)));
        Assert.False(store.TryAdd(Row(100, 3)));
        Assert.False(store.TryAdd(Row(100, 5)));
        Assert.False(store.TryAdd(Row(200, 3)));

        Assert.Equal(4, store.Count);
        Assert.True(store.Contains(new EnvelopeId(100, 4)));
        Assert.False(store.Contains(new EnvelopeId(100, 6)));
        Assert.False(store.Contains(new EnvelopeId(300, 3)));
        Assert.Equal([3UL, 4, 5], store.Since(100, 0, 10).Select(r => r.Id.Sequence));
        Assert.Equal([5UL], store.Since(100, 4, 10).Select(r => r.Id.Sequence));
        Assert.Equal(5UL, store.MaxSequence(100));
    }

    [Fact]
    public void Queries_read_topics_of_one_row_and_of_many_by_originator_and_sequence()
    {
        var store = new NodeStore();
        var lone = Enumerable.Repeat((byte)7, 16).ToArray();
        store.TryAdd(Row(200, 2));
        store.TryAdd(Row(100, 9, lone));
        store.TryAdd(Row(100, 4));
        store.TryAdd(Row(200, 1));

        var both = store.Query([Topic.GroupMessages(GroupId), Topic.GroupMessages(lone)], VectorClock.Empty, 10);
        var after = store.Query([Topic.GroupMessages(GroupId), Topic.GroupMessages(lone)], VectorClock.Of((100, 4), (200, 1)), 10);

        Assert.Equal([new EnvelopeId(100, 4), new EnvelopeId(100, 9), new EnvelopeId(200, 1), new EnvelopeId(200, 2)], both.Select(r => r.Id));
        Assert.Equal([new EnvelopeId(100, 9), new EnvelopeId(200, 2)], after.Select(r => r.Id));
        Assert.Equal([new EnvelopeId(100, 9)], store.Query([Topic.GroupMessages(lone)], VectorClock.Empty, 10).Select(r => r.Id));
        Assert.Empty(store.Query([Topic.GroupMessages(lone)], VectorClock.Of((100, 9)), 10));
    }

    [Fact]
    public void Lookups_agree_with_a_sorted_set_on_stores_with_gaps_and_late_rows()
    {
        // Rows come mostly in order with gaps (a partition), some late (filled in later) and some twice.
        var random = new Random(7);
        var rows = Enumerable.Range(1, 120).Select(s => Row(100, (ulong)s)).ToArray();
        for (var round = 0; round < 20; round++)
        {
            var store = new NodeStore();
            var model = new SortedSet<ulong>();
            var order = new List<int>();
            for (var i = 0; i < rows.Length; i++)
            {
                if (random.NextDouble() < 0.3)
                {
                    continue; // a gap, maybe filled below
                }

                order.Add(i);
            }

            order.AddRange(Enumerable.Range(0, rows.Length).Where(_ => random.NextDouble() < 0.2));
            foreach (var index in order)
            {
                var sequence = rows[index].Id.Sequence;
                Assert.Equal(model.Add(sequence), store.TryAdd(rows[index]));
                for (var probe = 0UL; probe <= 122; probe++)
                {
                    Assert.Equal(model.Contains(probe), store.Contains(new EnvelopeId(100, probe)));
                }

                var after = (ulong)random.Next(0, 122);
                Assert.Equal(model.Where(s => s > after).Take(7), store.Since(100, after, 7).Select(r => r.Id.Sequence));
            }
        }
    }
}
