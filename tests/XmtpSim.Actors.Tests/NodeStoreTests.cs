using Google.Protobuf;
using XmtpSim.Actors.Node;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Mls;

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

    private static ParsedOriginatorEnvelope Row(uint originator, ulong sequence)
    {
        var frame = MlsFrame.Build(GroupId, 1, MlsContentType.Application, 200, sequence);
        var client = ClientEnvelopes.GroupMessage(GroupId, ByteString.CopyFrom(frame));
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
}
