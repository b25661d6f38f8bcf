using Google.Protobuf;
using XmtpSim.Actors.Node;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;

namespace XmtpSim.Actors.Tests;

public sealed class RowListTests
{
    private static readonly ParsedOriginatorEnvelope[] Rows = [.. Enumerable.Range(1, 5).Select(i => Row((ulong)i))];

    private static ParsedOriginatorEnvelope Row(ulong sequence)
    {
        var scheme = new ModeledSignatureScheme();
        var payer = SigningKey.Derive("payer", 1);
        var node = SigningKey.Derive("node-100", 1);
        scheme.Register(payer);
        scheme.Register(node);
        var client = ClientEnvelopes.GroupMessage(new byte[16], ByteString.CopyFrom(new byte[8]));
        var stamp = OriginatorStamp.ForRetention(100, sequence, 1_780_000_000_000_000_000, 100, 0, 1_780_000_000, 30);
        var signed = EnvelopeSigner.SignOriginator(scheme, node, stamp, EnvelopeSigner.SignPayer(scheme, payer, client, 100, 30));
        return EnvelopeParser.ParseOriginator(signed.ToByteString(), scheme).Unwrap();
    }

    [Fact]
    public void Adds_and_inserts_across_chunk_boundaries_keep_the_order_a_list_would()
    {
        var rows = new RowList();
        var expected = new List<ParsedOriginatorEnvelope>();
        for (var i = 0; i < 9_000; i++)
        {
            rows.Add(Rows[i % 3]);
            expected.Add(Rows[i % 3]);
        }

        foreach (var (at, row) in new[] { (4_095, Rows[3]), (4_096, Rows[4]), (0, Rows[4]), (9_003, Rows[3]), (8_192, Rows[3]) })
        {
            rows.Insert(at, row);
            expected.Insert(at, row);
        }

        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected, rows);
        Assert.Same(expected[^1], rows.Last);
        Assert.Equal(expected.GetRange(4_000, 300), rows.GetRange(4_000, 300));
        Assert.Equal(expected.GetRange(8_190, 10), rows.GetRange(8_190, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[rows.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => rows.GetRange(rows.Count - 1, 2));
    }

    [Fact]
    public void A_list_of_one_row_reads_it_back()
    {
        var rows = new RowList { Rows[0] };

        Assert.Single(rows);
        Assert.Same(Rows[0], rows[0]);
        Assert.Same(Rows[0], rows.Last);
    }
}
