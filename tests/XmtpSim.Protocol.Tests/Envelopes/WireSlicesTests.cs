using System.Runtime.InteropServices;
using CsCheck;
using Google.Protobuf;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Wire.Envelopes;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

public sealed class WireSlicesTests
{
    [Fact]
    public void Slicing_parse_equals_the_standard_parse_for_every_layer()
    {
        // 33 bytes is the smallest MLS application frame ApplicationMessage builds.
        Gen.Int[33, 4096].Select(Gen.ULong, Gen.UInt[0, 5]).Sample((size, seed, dependsOnSeq) =>
        {
            var dependsOn = dependsOnSeq == 0 ? null : new Dictionary<uint, ulong> { [100] = dependsOnSeq, [0] = seed % 7 };
            var client = ApplicationMessage(size, seed, dependsOn);
            var payer = SignPayer(client);
            var originator = Originate(payer, sequenceId: (seed % 1000) + 1);
            var wire = originator.ToByteString();

            Assert.Equal(originator, WireSlices.Parse(OriginatorEnvelope.Parser, wire));
            Assert.Equal(payer, WireSlices.Parse(PayerEnvelope.Parser, payer.ToByteString()));
            Assert.Equal(client, WireSlices.Parse(ClientEnvelope.Parser, client.ToByteString()));
        }, iter: 40);
    }

    [Fact]
    public void A_parsed_envelope_holds_its_payload_once_inside_the_received_bytes()
    {
        var wire = Originate(SignPayer(ApplicationMessage(2_000, 3))).ToByteString();
        var parsed = EnvelopeParser.ParseOriginator(wire, Scheme).Unwrap();

        var source = ArrayOf(wire);
        Assert.Same(source, ArrayOf(parsed.UnsignedOriginatorEnvelope));
        Assert.Same(source, ArrayOf(parsed.Payer.Raw));
        Assert.Same(source, ArrayOf(parsed.Client.Raw));
        Assert.Same(source, ArrayOf(parsed.Client.Envelope.GroupMessage.V1.Data));
    }

    [Fact]
    public void A_nodes_own_signed_envelope_also_holds_its_payload_once()
    {
        var payerMessage = SignPayer(ApplicationMessage(2_000, 5));
        var payer = EnvelopeParser.ParsePayer(payerMessage, Scheme).Unwrap();
        var own = EnvelopeParser.FromOwnSigned(Originate(payerMessage), payer, Node.Address);

        var source = ArrayOf(own.Raw);
        Assert.Same(source, ArrayOf(own.UnsignedOriginatorEnvelope));
        Assert.Same(source, ArrayOf(own.Payer.Raw));
        Assert.Same(source, ArrayOf(own.Client.Raw));
        Assert.Same(source, ArrayOf(own.Client.Envelope.GroupMessage.V1.Data));
        Assert.Equal(payer.Raw, own.Payer.Raw);
        Assert.Equal(payer.Client.Envelope, own.Client.Envelope);
        Assert.Equal(payer.PayerAddress, own.PayerAddress);
    }

    [Fact]
    public void Wrapping_a_signed_envelope_with_another_payer_envelope_is_refused()
    {
        var signed = Originate(SignPayer(ApplicationMessage(100, 1)));
        var other = EnvelopeParser.ParsePayer(SignPayer(ApplicationMessage(100, 2)), Scheme).Unwrap();

        Assert.Throws<ArgumentException>(() => EnvelopeParser.FromOwnSigned(signed, other, Node.Address));
    }

    [Fact]
    public void Repeated_occurrences_of_a_singular_field_merge_exactly_as_protobuf_does()
    {
        // Two copies of unsigned_client_envelope and of payer_signature: last bytes value wins, messages merge.
        var first = new PayerEnvelope { UnsignedClientEnvelope = ByteString.CopyFromUtf8("first"), TargetOriginator = 100 };
        var second = new PayerEnvelope { UnsignedClientEnvelope = ByteString.CopyFromUtf8("second"), MessageRetentionDays = 9 };
        var concatenated = ByteString.CopyFrom([.. first.ToByteArray(), .. second.ToByteArray()]);

        Assert.Equal(PayerEnvelope.Parser.ParseFrom(concatenated), WireSlices.Parse(PayerEnvelope.Parser, concatenated));
    }

    [Fact]
    public void Malformed_bytes_are_refused_like_the_standard_parse()
    {
        var wire = Originate(SignPayer(ApplicationMessage(300, 1))).ToByteString().ToByteArray();
        Gen.Int[1, wire.Length - 1].Sample(cut =>
        {
            var truncated = ByteString.CopyFrom(wire.AsSpan(0, cut));
            Exception? standard = Record.Exception(() => OriginatorEnvelope.Parser.ParseFrom(truncated));
            Exception? sliced = Record.Exception(() => WireSlices.Parse(OriginatorEnvelope.Parser, truncated));
            Assert.Equal(standard is null, sliced is null);
            if (standard is null)
            {
                Assert.Equal(OriginatorEnvelope.Parser.ParseFrom(truncated), WireSlices.Parse(OriginatorEnvelope.Parser, truncated));
            }
            else
            {
                Assert.IsType<InvalidProtocolBufferException>(sliced);
            }
        }, iter: 200);
    }

    private static byte[] ArrayOf(ByteString bytes) =>
        MemoryMarshal.TryGetArray(bytes.Memory, out var segment) ? segment.Array! : throw new InvalidOperationException("not array-backed");
}
