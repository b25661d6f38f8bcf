namespace XmtpSim.Protocol.Topics;

/// <summary>
/// The first byte of a topic on the wire (spec §3). The kind decides which payload a client envelope
/// may carry and whether gateways may publish to it at all.
/// </summary>
public enum TopicKind : byte
{
    /// <summary>MLS group messages; identifier = 16-byte group ID.</summary>
    GroupMessagesV1 = 0,

    /// <summary>Welcomes; identifier = 32-byte recipient installation key.</summary>
    WelcomeMessagesV1 = 1,

    /// <summary>Identity (inbox) updates; identifier = 32-byte inbox ID.</summary>
    IdentityUpdatesV1 = 2,

    /// <summary>Key packages; identifier = 32-byte installation key.</summary>
    KeyPackagesV1 = 3,

    /// <summary>Payer reports (reserved); identifier = originator node ID, 4 bytes little-endian.</summary>
    PayerReportsV1 = 4,

    /// <summary>Payer report attestations (reserved); identifier = report subject node ID, 4 bytes little-endian.</summary>
    PayerReportAttestationsV1 = 5,
}
