namespace XmtpSim.Protocol.Topics;

/// <summary>Facts about each <see cref="TopicKind"/>: log names, identifier sizes, reservation.</summary>
public static class TopicKinds
{
    /// <summary>Size of a group ID in bytes (the chain path takes it as <c>bytes16</c>).</summary>
    public const int GroupIdSize = 16;

    /// <summary>Size of an inbox ID in bytes (the chain path takes it as <c>bytes32</c>).</summary>
    public const int InboxIdSize = 32;

    /// <summary>Size of an installation key in bytes (welcome and key-package topics).</summary>
    public const int InstallationKeySize = 32;

    /// <summary>Size of a node ID identifier in bytes (little-endian uint32, report topics).</summary>
    public const int NodeIdSize = 4;

    /// <summary>True for a byte value that names a kind xmtpd knows.</summary>
    public static bool IsKnown(byte kind) => kind <= (byte)TopicKind.PayerReportAttestationsV1;

    /// <summary>The name xmtpd prints in logs, e.g. <c>group_messages_v1</c>.</summary>
    public static string WireName(this TopicKind kind) => kind switch
    {
        TopicKind.GroupMessagesV1 => "group_messages_v1",
        TopicKind.WelcomeMessagesV1 => "welcome_message_v1",
        TopicKind.IdentityUpdatesV1 => "identity_updates_v1",
        TopicKind.KeyPackagesV1 => "key_packages_v1",
        TopicKind.PayerReportsV1 => "payer_reports_v1",
        TopicKind.PayerReportAttestationsV1 => "payer_report_attestations_v1",
        _ => "unknown",
    };

    /// <summary>The identifier size the simulator requires for a kind, in bytes.</summary>
    public static int IdentifierSize(this TopicKind kind) => kind switch
    {
        TopicKind.GroupMessagesV1 => GroupIdSize,
        TopicKind.WelcomeMessagesV1 => InstallationKeySize,
        TopicKind.IdentityUpdatesV1 => InboxIdSize,
        TopicKind.KeyPackagesV1 => InstallationKeySize,
        TopicKind.PayerReportsV1 or TopicKind.PayerReportAttestationsV1 => NodeIdSize,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown topic kind"),
    };

    /// <summary>
    /// Reserved kinds (payer reports and attestations) may only be published by a node into its own
    /// originator stream; the node API refuses them from gateways.
    /// </summary>
    public static bool IsReserved(this TopicKind kind) =>
        kind is TopicKind.PayerReportsV1 or TopicKind.PayerReportAttestationsV1;

    /// <summary>Parses a <see cref="WireName"/> back; false if it names no kind.</summary>
    public static bool TryParseWireName(string name, out TopicKind kind)
    {
        for (byte value = 0; IsKnown(value); value++)
        {
            if (string.Equals(((TopicKind)value).WireName(), name, StringComparison.Ordinal))
            {
                kind = (TopicKind)value;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
