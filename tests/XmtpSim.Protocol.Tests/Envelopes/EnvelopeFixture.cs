using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Mls;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Protocol.Tests.Envelopes;

/// <summary>Deterministic keys and a gateway → node pipeline for envelope tests.</summary>
internal static class EnvelopeFixture
{
    public const uint NodeId = 100;
    public const long SigningUnixSeconds = 1_780_000_000;

    public static readonly ISignatureScheme Scheme = new RealSignatureScheme(BouncyCastleSecp256k1.Instance);
    public static readonly SigningKey Payer = SigningKey.Derive("payer", 1);
    public static readonly SigningKey Node = SigningKey.Derive("node-100", 1);
    public static readonly byte[] GroupId = Enumerable.Range(0, 16).Select(i => (byte)(i * 7)).ToArray();

    public static ClientEnvelope ApplicationMessage(int size, ulong seed, IReadOnlyDictionary<uint, ulong>? dependsOn = null) =>
        ClientEnvelopes.GroupMessage(
            GroupId, ByteString.CopyFrom(MlsFrame.Build(GroupId, 3, MlsContentType.Application, size, seed)), dependsOn);

    public static PayerEnvelope SignPayer(ClientEnvelope client, uint target = NodeId, uint retentionDays = 30) =>
        EnvelopeSigner.SignPayer(Scheme, Payer, client, target, retentionDays);

    public static OriginatorEnvelope Originate(PayerEnvelope payer, ulong sequenceId = 1, uint nodeId = NodeId, SigningKey? key = null) =>
        EnvelopeSigner.SignOriginator(
            Scheme,
            key ?? Node,
            OriginatorStamp.ForRetention(nodeId, sequenceId, SigningUnixSeconds * 1_000_000_000L, 12_000_100, 0, SigningUnixSeconds, payer.MessageRetentionDays),
            payer);
}
