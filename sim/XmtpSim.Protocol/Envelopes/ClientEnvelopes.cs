using Google.Protobuf;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;
using XmtpSim.Protocol.Wire.Identity;
using XmtpSim.Protocol.Wire.Mls;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// Builds ClientEnvelopes as a client (or a node, for reports) would: aad.target_topic, optional
/// depends_on and the payload matching the topic kind.
/// </summary>
public static class ClientEnvelopes
{
    /// <summary>A group message carrying MLS bytes (see <see cref="Mls.MlsFrame"/>) for a 16-byte group ID.</summary>
    /// <param name="dependsOn">Originator → sequence ID the sender has applied (originators below 100 only); null for none.</param>
    public static ClientEnvelope GroupMessage(
        ReadOnlySpan<byte> groupId, ByteString mlsData, IReadOnlyDictionary<uint, ulong>? dependsOn = null, bool shouldPush = true)
    {
        var envelope = WithAad(Topic.GroupMessages(groupId), dependsOn);
        envelope.GroupMessage = new GroupMessageInput
        {
            V1 = new GroupMessageInput.Types.V1 { Data = mlsData, ShouldPush = shouldPush },
        };
        return envelope;
    }

    /// <summary>A welcome for a 32-byte recipient installation key.</summary>
    public static ClientEnvelope Welcome(ReadOnlySpan<byte> installationKey, ByteString data, ByteString hpkePublicKey)
    {
        var envelope = WithAad(Topic.WelcomeMessages(installationKey), null);
        envelope.WelcomeMessage = new WelcomeMessageInput
        {
            V1 = new WelcomeMessageInput.Types.V1
            {
                InstallationKey = ByteString.CopyFrom(installationKey),
                Data = data,
                HpkePublicKey = hpkePublicKey,
            },
        };
        return envelope;
    }

    /// <summary>A key-package upload for a 32-byte installation key.</summary>
    public static ClientEnvelope KeyPackage(ReadOnlySpan<byte> installationKey, ByteString keyPackageTlsSerialized)
    {
        var envelope = WithAad(Topic.KeyPackages(installationKey), null);
        envelope.UploadKeyPackage = new UploadKeyPackageRequest
        {
            KeyPackage = new KeyPackageUpload { KeyPackageTlsSerialized = keyPackageTlsSerialized },
            IsInboxIdCredential = true,
        };
        return envelope;
    }

    /// <summary>An identity update for a 32-byte inbox ID (goes on chain, never to a node).</summary>
    public static ClientEnvelope IdentityUpdate(ReadOnlySpan<byte> inboxId, IdentityUpdate update)
    {
        var envelope = WithAad(Topic.IdentityUpdates(inboxId), null);
        envelope.IdentityUpdate = update;
        return envelope;
    }

    /// <summary>A payer report on its originator's reserved topic.</summary>
    public static ClientEnvelope PayerReport(PayerReport report)
    {
        var envelope = WithAad(Topic.PayerReports(report.OriginatorNodeId), null);
        envelope.PayerReport = report;
        return envelope;
    }

    /// <summary>An attestation on the reserved topic of the report's subject originator.</summary>
    public static ClientEnvelope PayerReportAttestation(uint subjectOriginatorNodeId, PayerReportAttestation attestation)
    {
        var envelope = WithAad(Topic.PayerReportAttestations(subjectOriginatorNodeId), null);
        envelope.PayerReportAttestation = attestation;
        return envelope;
    }

    /// <summary>An envelope with only aad set; the caller sets the payload (e.g. to build deliberately inconsistent input).</summary>
    public static ClientEnvelope WithAad(Topic topic, IReadOnlyDictionary<uint, ulong>? dependsOn)
    {
        var aad = new AuthenticatedData { TargetTopic = topic.ToByteString() };
        if (dependsOn is not null)
        {
            var cursor = new Cursor();
            foreach (var (node, sequence) in dependsOn)
            {
                cursor.NodeIdToSequenceId[node] = sequence;
            }

            aad.DependsOn = cursor;
        }

        return new ClientEnvelope { Aad = aad };
    }
}
