using Google.Protobuf;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Mls;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;
using XmtpSim.Protocol.Wire.Identity;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

public sealed class NodePublishValidatorTests
{
    [Fact]
    public void Application_message_for_this_node_is_accepted()
    {
        var result = NodePublishValidator.Validate(SignPayer(ApplicationMessage(100, 1)), NodeId, Scheme);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(Payer.Address, result.Value.PayerAddress);
    }

    [Theory]
    [InlineData(MlsContentType.Commit)]
    [InlineData(MlsContentType.Proposal)]
    public void Commits_and_proposals_are_refused_because_they_belong_on_chain(MlsContentType type)
    {
        var client = ClientEnvelopes.GroupMessage(GroupId, ByteString.CopyFrom(MlsFrame.Build(GroupId, 1, type, 64, 2)));
        Assert.Equal(EnvelopeErrorCode.CommitBelongsOnChain, NodePublishValidator.Validate(SignPayer(client), NodeId, Scheme).Error!.Code);
    }

    [Fact]
    public void Unparseable_group_message_is_refused()
    {
        var client = ClientEnvelopes.GroupMessage(GroupId, ByteString.CopyFrom(1, 2, 3));
        Assert.Equal(EnvelopeErrorCode.GroupMessageUnparseable, NodePublishValidator.Validate(SignPayer(client), NodeId, Scheme).Error!.Code);
    }

    [Fact]
    public void Identity_updates_are_refused_because_they_belong_on_chain()
    {
        var client = ClientEnvelopes.IdentityUpdate(new byte[32], new IdentityUpdate());
        Assert.Equal(EnvelopeErrorCode.IdentityUpdateBelongsOnChain, NodePublishValidator.Validate(SignPayer(client), NodeId, Scheme).Error!.Code);
    }

    [Fact]
    public void Reserved_topics_are_refused_from_gateways_but_not_from_the_node_itself()
    {
        var report = ClientEnvelopes.PayerReport(new PayerReport { OriginatorNodeId = NodeId, PayersMerkleRoot = ByteString.CopyFrom(new byte[32]) });
        var signed = EnvelopeSigner.SignPayer(Scheme, Node, report, NodeId, RetentionPolicy.GatewayDefaultDays);
        Assert.Equal(EnvelopeErrorCode.ReservedTopic, NodePublishValidator.Validate(signed, NodeId, Scheme).Error!.Code);
        Assert.True(NodePublishValidator.Validate(signed, NodeId, Scheme, fromGateway: false).IsValid);
    }

    [Fact]
    public void Envelope_for_another_target_is_refused()
    {
        var signed = SignPayer(ApplicationMessage(64, 1), target: 200);
        Assert.Equal(EnvelopeErrorCode.TargetOriginatorMismatch, NodePublishValidator.Validate(signed, NodeId, Scheme).Error!.Code);
    }

    [Fact]
    public void Unsigned_payer_envelope_is_refused()
    {
        var unsigned = new PayerEnvelope { UnsignedClientEnvelope = ApplicationMessage(64, 1).ToByteString(), TargetOriginator = NodeId, MessageRetentionDays = 30 };
        Assert.Equal(EnvelopeErrorCode.PayerSignatureMissing, NodePublishValidator.Validate(unsigned, NodeId, Scheme).Error!.Code);
    }

    [Fact]
    public void Topic_payload_mismatch_is_refused_on_publish()
    {
        var client = ClientEnvelopes.WithAad(Topic.KeyPackages(new byte[32]), null);
        client.GroupMessage = new Wire.Mls.GroupMessageInput();
        Assert.Equal(EnvelopeErrorCode.TopicPayloadMismatch, NodePublishValidator.Validate(SignPayer(client), NodeId, Scheme).Error!.Code);
    }

    [Theory]
    [InlineData(0u, false)]
    [InlineData(1u, false)]
    [InlineData(2u, true)]
    [InlineData(365u, true)]
    [InlineData(366u, false)]
    [InlineData(0xFFFFFFFEu, false)]
    [InlineData(0xFFFFFFFFu, true)]
    public void Retention_must_be_2_to_365_days_or_forever(uint days, bool accepted)
    {
        var result = NodePublishValidator.Validate(SignPayer(ApplicationMessage(64, 1), retentionDays: days), NodeId, Scheme);
        Assert.Equal(accepted, result.IsValid);
        if (!accepted)
        {
            Assert.Equal(EnvelopeErrorCode.RetentionOutOfRange, result.Error!.Code);
        }
    }

    [Fact]
    public void Expiry_is_signing_time_plus_whole_days_and_forever_matches_the_go_node()
    {
        Assert.Equal(1_000UL + 2 * 86_400, RetentionPolicy.ExpiryUnixSeconds(1_000, 2));
        Assert.Equal(1_000UL + 365 * 86_400, RetentionPolicy.ExpiryUnixSeconds(1_000, 365));
        // Go: time.Hour*24*time.Duration(0xFFFFFFFF) wraps to -7976242815.049859072 s; Add borrows a second.
        Assert.Equal(unchecked((ulong)(1_780_000_000L - 7_976_242_816L)), RetentionPolicy.ExpiryUnixSeconds(1_780_000_000, RetentionPolicy.NeverExpire));
    }
}
