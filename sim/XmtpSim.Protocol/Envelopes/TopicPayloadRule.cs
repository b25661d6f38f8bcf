using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// The topic/payload consistency rule enforced by gateway, node and indexer (spec §2.3): payload 2↔kind 0,
/// 3↔1, 5↔2, 4↔3, 6↔4, 7↔5.
/// </summary>
public static class TopicPayloadRule
{
    /// <summary>The topic kind a payload must be published on; null for no payload.</summary>
    public static TopicKind? RequiredKind(ClientEnvelope.PayloadOneofCase payload) => payload switch
    {
        ClientEnvelope.PayloadOneofCase.GroupMessage => TopicKind.GroupMessagesV1,
        ClientEnvelope.PayloadOneofCase.WelcomeMessage => TopicKind.WelcomeMessagesV1,
        ClientEnvelope.PayloadOneofCase.IdentityUpdate => TopicKind.IdentityUpdatesV1,
        ClientEnvelope.PayloadOneofCase.UploadKeyPackage => TopicKind.KeyPackagesV1,
        ClientEnvelope.PayloadOneofCase.PayerReport => TopicKind.PayerReportsV1,
        ClientEnvelope.PayloadOneofCase.PayerReportAttestation => TopicKind.PayerReportAttestationsV1,
        _ => null,
    };

    /// <summary>The payload a topic kind must carry.</summary>
    public static ClientEnvelope.PayloadOneofCase RequiredPayload(TopicKind kind) => kind switch
    {
        TopicKind.GroupMessagesV1 => ClientEnvelope.PayloadOneofCase.GroupMessage,
        TopicKind.WelcomeMessagesV1 => ClientEnvelope.PayloadOneofCase.WelcomeMessage,
        TopicKind.IdentityUpdatesV1 => ClientEnvelope.PayloadOneofCase.IdentityUpdate,
        TopicKind.KeyPackagesV1 => ClientEnvelope.PayloadOneofCase.UploadKeyPackage,
        TopicKind.PayerReportsV1 => ClientEnvelope.PayloadOneofCase.PayerReport,
        TopicKind.PayerReportAttestationsV1 => ClientEnvelope.PayloadOneofCase.PayerReportAttestation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown topic kind"),
    };

    /// <summary>True when the payload is the one the kind requires.</summary>
    public static bool Matches(TopicKind kind, ClientEnvelope.PayloadOneofCase payload) => RequiredKind(payload) == kind;
}
