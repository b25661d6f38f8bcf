using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// A fully decoded OriginatorEnvelope. Every layer keeps the bytes it was decoded from, so signatures
/// are checked against what was signed and nothing is re-serialized.
/// </summary>
public sealed class ParsedOriginatorEnvelope
{
    private VectorClock? _dependsOnClock;
    internal ParsedOriginatorEnvelope(
        ByteString raw,
        ByteString unsignedBytes,
        UnsignedOriginatorEnvelope unsigned,
        ByteString? originatorSignature,
        EthAddress? originatorSigner,
        ByteString? transactionHash,
        ParsedPayerEnvelope payer)
    {
        Raw = raw;
        UnsignedOriginatorEnvelope = unsignedBytes;
        OriginatorNodeId = unsigned.OriginatorNodeId;
        SequenceId = unsigned.OriginatorSequenceId;
        OriginatorNs = unsigned.OriginatorNs;
        BaseFeePicodollars = unsigned.BaseFeePicodollars;
        CongestionFeePicodollars = unsigned.CongestionFeePicodollars;
        ExpiryUnixtime = unsigned.ExpiryUnixtime;
        OriginatorSignature = originatorSignature;
        OriginatorSigner = originatorSigner;
        TransactionHash = transactionHash;
        Payer = payer;
    }

    /// <summary>The serialized OriginatorEnvelope as received (what a node stores and replicates).</summary>
    public ByteString Raw { get; }

    /// <summary>unsigned_originator_envelope: the bytes the originator signature covers.</summary>
    public ByteString UnsignedOriginatorEnvelope { get; }

    /// <summary>Originator node ID (0/1 for the chain, 10–14 migration, ≥100 nodes).</summary>
    public uint OriginatorNodeId { get; }

    /// <summary>Per-originator sequence ID.</summary>
    public ulong SequenceId { get; }

    /// <summary>(originator, sequence): the envelope's network-wide identity.</summary>
    public EnvelopeId Id => new(OriginatorNodeId, SequenceId);

    /// <summary>Originator clock at staging, Unix nanoseconds.</summary>
    public long OriginatorNs { get; }

    /// <summary>Message + storage fee, picodollars.</summary>
    public ulong BaseFeePicodollars { get; }

    /// <summary>Congestion fee, picodollars.</summary>
    public ulong CongestionFeePicodollars { get; }

    /// <summary>Unix seconds; 0 on blockchain-originated envelopes.</summary>
    public ulong ExpiryUnixtime { get; }

    /// <summary>The 65-byte originator signature; null when the proof is a blockchain proof.</summary>
    public ByteString? OriginatorSignature { get; }

    /// <summary>The address the originator signature recovers to; null for blockchain proofs.</summary>
    public EthAddress? OriginatorSigner { get; }

    /// <summary>The app-chain transaction hash of a blockchain proof; null for signed envelopes.</summary>
    public ByteString? TransactionHash { get; }

    /// <summary>True when the proof is a blockchain proof rather than a node signature.</summary>
    public bool IsBlockchainOriginated => TransactionHash is not null;

    /// <summary>The decoded payer envelope.</summary>
    public ParsedPayerEnvelope Payer { get; }

    /// <summary>The decoded client envelope.</summary>
    public ParsedClientEnvelope Client => Payer.Client;

    /// <summary>aad.target_topic.</summary>
    public Topic Topic => Client.Topic;

    /// <summary>The recovered payer; null for blockchain-originated envelopes.</summary>
    public EthAddress? PayerAddress => Payer.PayerAddress;

    /// <summary>Which payload the client envelope carries.</summary>
    public ClientEnvelope.PayloadOneofCase PayloadKind => Client.PayloadKind;

    /// <summary>aad.depends_on (empty if absent).</summary>
    public IReadOnlyDictionary<uint, ulong> DependsOn => Client.DependsOn;

    /// <summary>
    /// aad.depends_on as a vector clock, built once per envelope (every member of a group reads the same
    /// envelope object; the clock is immutable, so they share it).
    /// </summary>
    public VectorClock DependsOnClock => _dependsOnClock ??= VectorClock.From(DependsOn);

    /// <summary>
    /// What <see cref="EnvelopeParser.CheckReplicated"/> concluded about <see cref="Raw"/>, with the scheme and
    /// topic rule it used (one reference, so a reader never sees half of it).
    /// </summary>
    internal ReplicaVerdict? Replicated { get; set; }

    /// <summary>Total fee, picodollars.</summary>
    public ulong TotalFeePicodollars => BaseFeePicodollars + CongestionFeePicodollars;
}

/// <summary>A replica's verdict on an envelope's raw bytes (null error = valid), and what it depended on.</summary>
internal sealed record ReplicaVerdict(ISignatureScheme Scheme, TopicValidation TopicValidation, EnvelopeError? Error)
{
    private static ReplicaVerdict? lastValid;

    /// <summary>The verdict; valid verdicts under the same scheme and rule share one instance.</summary>
    public static ReplicaVerdict Of(ISignatureScheme scheme, TopicValidation topicValidation, EnvelopeError? error)
    {
        if (error is not null)
        {
            return new ReplicaVerdict(scheme, topicValidation, error);
        }

        var shared = Volatile.Read(ref lastValid);
        if (shared is null || !ReferenceEquals(shared.Scheme, scheme) || shared.TopicValidation != topicValidation)
        {
            shared = new ReplicaVerdict(scheme, topicValidation, null);
            Volatile.Write(ref lastValid, shared);
        }

        return shared;
    }
}
