using Google.Protobuf;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;
using XmtpSim.Protocol.Wire.Identity;
using XmtpSim.Protocol.Wire.Mls;

namespace XmtpSim.Protocol.Tests.Envelopes;

public sealed class TopicPayloadRuleTests
{
    public static TheoryData<ClientEnvelope.PayloadOneofCase, TopicKind> Table => new()
    {
        { ClientEnvelope.PayloadOneofCase.GroupMessage, TopicKind.GroupMessagesV1 },
        { ClientEnvelope.PayloadOneofCase.WelcomeMessage, TopicKind.WelcomeMessagesV1 },
        { ClientEnvelope.PayloadOneofCase.IdentityUpdate, TopicKind.IdentityUpdatesV1 },
        { ClientEnvelope.PayloadOneofCase.UploadKeyPackage, TopicKind.KeyPackagesV1 },
        { ClientEnvelope.PayloadOneofCase.PayerReport, TopicKind.PayerReportsV1 },
        { ClientEnvelope.PayloadOneofCase.PayerReportAttestation, TopicKind.PayerReportAttestationsV1 },
    };

    [Fact]
    public void Payload_field_numbers_pair_with_kinds_as_the_spec_says()
    {
        // payload 2↔kind 0, 3↔1, 5↔2, 4↔3, 6↔4, 7↔5
        var pairs = new (int Field, byte Kind)[] { (2, 0), (3, 1), (5, 2), (4, 3), (6, 4), (7, 5) };
        foreach (var (field, kind) in pairs)
        {
            Assert.Equal((TopicKind)kind, TopicPayloadRule.RequiredKind((ClientEnvelope.PayloadOneofCase)field));
        }

        Assert.Null(TopicPayloadRule.RequiredKind(ClientEnvelope.PayloadOneofCase.None));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_payload_is_accepted_only_on_its_own_kind(ClientEnvelope.PayloadOneofCase payload, TopicKind kind)
    {
        for (byte other = 0; other <= 5; other++)
        {
            var client = WithPayload(Topic.Create((TopicKind)other, new byte[((TopicKind)other).IdentifierSize()]), payload);
            var parsed = EnvelopeParser.ParseClient(client.ToByteString()).Unwrap();
            var result = EnvelopeValidator.ValidateClient(parsed);
            if ((TopicKind)other == kind)
            {
                Assert.True(result.IsValid, result.ToString());
            }
            else
            {
                Assert.Equal(EnvelopeErrorCode.TopicPayloadMismatch, result.Error!.Code);
            }
        }
    }

    [Fact]
    public void Missing_aad_and_missing_payload_are_refused()
    {
        var noAad = new ClientEnvelope { GroupMessage = new GroupMessageInput() };
        Assert.Equal(EnvelopeErrorCode.MissingAuthenticatedData, EnvelopeParser.ParseClient(noAad.ToByteString()).Error!.Code);
        var noPayload = ClientEnvelopes.WithAad(Topic.GroupMessages(new byte[16]), null);
        var parsed = EnvelopeParser.ParseClient(noPayload.ToByteString()).Unwrap();
        Assert.Equal(EnvelopeErrorCode.MissingPayload, EnvelopeValidator.ValidateClient(parsed).Error!.Code);
    }

    private static ClientEnvelope WithPayload(Topic topic, ClientEnvelope.PayloadOneofCase payload)
    {
        var envelope = ClientEnvelopes.WithAad(topic, null);
        switch (payload)
        {
            case ClientEnvelope.PayloadOneofCase.GroupMessage: envelope.GroupMessage = new GroupMessageInput(); break;
            case ClientEnvelope.PayloadOneofCase.WelcomeMessage: envelope.WelcomeMessage = new WelcomeMessageInput(); break;
            case ClientEnvelope.PayloadOneofCase.UploadKeyPackage: envelope.UploadKeyPackage = new UploadKeyPackageRequest(); break;
            case ClientEnvelope.PayloadOneofCase.IdentityUpdate: envelope.IdentityUpdate = new IdentityUpdate(); break;
            case ClientEnvelope.PayloadOneofCase.PayerReport: envelope.PayerReport = new PayerReport(); break;
            case ClientEnvelope.PayloadOneofCase.PayerReportAttestation: envelope.PayerReportAttestation = new PayerReportAttestation(); break;
            default: throw new ArgumentOutOfRangeException(nameof(payload));
        }

        return envelope;
    }
}
