using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Mls;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Benchmarks;

/// <summary>
/// The envelope path of one group message through a gateway and its originator: build and sign the payer
/// envelope, stamp and sign the originator envelope, the node's publish validation, and a replica's full
/// parse and validation (both signatures recovered, the payer one twice as the validator checks the
/// expected payer against the originator target).
/// </summary>
[MemoryDiagnoser]
public class EnvelopeBenchmarks
{
    /// <summary>Size of the MLS application frame carried by the group message, bytes.</summary>
    public const int MlsFrameBytes = 256;

    private const uint NodeId = 100;
    private const uint RetentionDays = RetentionPolicy.GatewayDefaultDays;

    private readonly byte[] _groupId = new byte[16];
    private ISignatureScheme _scheme = new RealSignatureScheme(BouncyCastleSecp256k1.Instance);
    private readonly SigningKey _payerKey = SigningKey.Derive("bench-payer", 1);
    private readonly SigningKey _nodeKey = SigningKey.Derive("bench-node", 1);
    private ByteString _mls = ByteString.Empty;
    private OriginatorStamp _stamp = new(NodeId, 1, 0, 0, 0, 0);
    private PayerEnvelope _payer = new();
    private ByteString _payerBytes = ByteString.Empty;
    private ByteString _originatorBytes = ByteString.Empty;

    /// <summary>secp256k1 backend name.</summary>
    [Params("bouncycastle", "libsecp256k1")]
    public string Backend { get; set; } = "bouncycastle";

    /// <summary>One fixed group message, its payer envelope and originator envelope.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scheme = new RealSignatureScheme(Secp256k1Backends.ByName(Backend));
        MlsFrame.FillDeterministic(_groupId, 7);
        _mls = UnsafeByteOperations.UnsafeWrap(MlsFrame.Build(_groupId, 3, MlsContentType.Application, MlsFrameBytes, paddingSeed: 11));
        _stamp = OriginatorStamp.ForRetention(NodeId, 42, 1_750_000_000_000_000_000, 6_000_000, 0, 1_750_000_000, RetentionDays);
        _payer = BuildAndSignPayer();
        _payerBytes = _payer.ToByteString();
        _originatorBytes = EnvelopeSigner.SignOriginator(_scheme, _nodeKey, _stamp, _payerBytes).ToByteString();
        if (!ValidatePayer() || !ParseAndValidateOriginator())
        {
            throw new InvalidOperationException("benchmark envelopes do not validate");
        }
    }

    /// <summary>Gateway: ClientEnvelope for the group topic, serialized once, payer-signed for node 100.</summary>
    [Benchmark]
    public PayerEnvelope BuildAndSignPayer() =>
        EnvelopeSigner.SignPayer(_scheme, _payerKey, ClientEnvelopes.GroupMessage(_groupId, _mls), NodeId, RetentionDays);

    /// <summary>Originator: stamp and sign the (already serialized) payer envelope.</summary>
    [Benchmark]
    public OriginatorEnvelope SignOriginator() => EnvelopeSigner.SignOriginator(_scheme, _nodeKey, _stamp, _payerBytes);

    /// <summary>Originator: <c>NodePublishValidator.Validate</c> of the received payer envelope (one recovery).</summary>
    [Benchmark]
    public bool ValidatePayer() => NodePublishValidator.Validate(_payer, NodeId, _scheme).IsValid;

    /// <summary>Replica or client: parse every layer and validate against the expected node and payer (three recoveries).</summary>
    [Benchmark]
    public bool ParseAndValidateOriginator() =>
        EnvelopeValidator.ParseAndValidateOriginator(_originatorBytes, _scheme, _nodeKey.Address, _payerKey.Address).IsValid;
}
