using System.Collections.Concurrent;
using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Storage;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// A fully decoded OriginatorEnvelope. Every layer keeps the bytes it was decoded from, so signatures
/// are checked against what was signed and nothing is re-serialized.
/// <para>
/// A node keeps millions of envelopes for their whole retention, but reads their bytes only in the minutes after
/// they are stored. <see cref="MoveBytesTo"/> moves the bytes, and every layer decoded from them, to a
/// <see cref="ScratchFile"/> (xmtpd's rows live in PostgreSQL, on disk): what routing, ordering and fees read
/// (ids, fees, topic, payer, depends_on, sizes) stays in memory; the byte-bearing members (<see cref="Raw"/>,
/// <see cref="Payer"/>, <see cref="Client"/> and the proof) read the file and decode it again on each access.
/// Values are the same either way, so a run's results do not depend on when the bytes moved.
/// </para>
/// </summary>
public sealed class ParsedOriginatorEnvelope
{
    private Layers? _layers; // null once the bytes are in _file
    private ScratchFile? _file;
    private long _fileOffset;
    private object? _derived;

    // The payer and the originator signer, boxed and shared: a network has a few payers and nodes, and an
    // EthAddress? field takes 48 bytes on every one of millions of envelopes, a reference 8.
    private readonly object? _originatorSigner;
    private readonly object? _payerAddress;

    internal ParsedOriginatorEnvelope(
        ByteString raw,
        ByteString unsignedBytes,
        UnsignedOriginatorEnvelope unsigned,
        ByteString? originatorSignature,
        EthAddress? originatorSigner,
        ByteString? transactionHash,
        ParsedPayerEnvelope payer)
        : this(new Layers(raw, unsignedBytes, originatorSignature, transactionHash, payer), unsigned, originatorSigner)
    {
    }

    internal ParsedOriginatorEnvelope(Layers layers, UnsignedOriginatorEnvelope unsigned, EthAddress? originatorSigner)
    {
        var payer = layers.Payer;
        _layers = layers;
        RawLength = layers.Raw.Length;
        OriginatorNodeId = unsigned.OriginatorNodeId;
        SequenceId = unsigned.OriginatorSequenceId;
        OriginatorNs = unsigned.OriginatorNs;
        BaseFeePicodollars = unsigned.BaseFeePicodollars;
        CongestionFeePicodollars = unsigned.CongestionFeePicodollars;
        ExpiryUnixtime = unsigned.ExpiryUnixtime;
        _originatorSigner = AddressBoxes.Of(originatorSigner);
        IsBlockchainOriginated = layers.TransactionHash is not null;
        Topic = payer.Client.Topic;
        _payerAddress = AddressBoxes.Of(payer.PayerAddress);
        PayloadKind = payer.Client.PayloadKind;
        DependsOn = payer.Client.DependsOn;
    }

    /// <summary>
    /// The serialized OriginatorEnvelope as received (what a node stores and replicates). On an envelope its node has
    /// just signed, this first waits for a signature still being made on a lane.
    /// </summary>
    public ByteString Raw => Signed.Raw;

    /// <summary>The length of <see cref="Raw"/>, kept in memory (frame sizes are computed from it).</summary>
    public int RawLength { get; }

    /// <summary>unsigned_originator_envelope: the bytes the originator signature covers.</summary>
    public ByteString UnsignedOriginatorEnvelope => Current.Unsigned;

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
    public ByteString? OriginatorSignature => Signed.OriginatorSignature;

    /// <summary>The address the originator signature recovers to; null for blockchain proofs.</summary>
    public EthAddress? OriginatorSigner => _originatorSigner is EthAddress signer ? signer : null;

    /// <summary>The app-chain transaction hash of a blockchain proof; null for signed envelopes.</summary>
    public ByteString? TransactionHash => Current.TransactionHash;

    /// <summary>True when the proof is a blockchain proof rather than a node signature.</summary>
    public bool IsBlockchainOriginated { get; }

    /// <summary>The decoded payer envelope.</summary>
    public ParsedPayerEnvelope Payer => Current.Payer;

    /// <summary>The decoded client envelope.</summary>
    public ParsedClientEnvelope Client => Payer.Client;

    /// <summary>aad.target_topic.</summary>
    public Topic Topic { get; }

    /// <summary>The recovered payer; null for blockchain-originated envelopes.</summary>
    public EthAddress? PayerAddress => _payerAddress is EthAddress payer ? payer : null;

    /// <summary>Which payload the client envelope carries.</summary>
    public ClientEnvelope.PayloadOneofCase PayloadKind { get; }

    /// <summary>aad.depends_on (empty if absent).</summary>
    public DependsOnDictionary DependsOn { get; }

    /// <summary>True once <see cref="MoveBytesTo"/> has moved the bytes out of memory.</summary>
    public bool BytesMoved => Volatile.Read(ref _layers) is null;

    /// <summary>
    /// aad.depends_on as a vector clock, built once per map (every member of a group reads the same envelope
    /// object, and the messages of one group and epoch share their map; the clock is immutable).
    /// </summary>
    public VectorClock DependsOnClock => DependsOn.Clock;

    /// <summary>
    /// Moves the bytes, and the layers decoded from them, to <paramref name="file"/>; later reads of the
    /// byte-bearing members decode them from there. Does nothing when they were moved already (the rows of
    /// every replica share this object, and any of them may ask). Safe while other threads read the envelope.
    /// </summary>
    public void MoveBytesTo(ScratchFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var layers = Volatile.Read(ref _layers);
        if (layers is null)
        {
            return;
        }

        lock (layers)
        {
            if (_layers is null)
            {
                return;
            }

            layers.Signing?.Wait();
            _fileOffset = file.Append(layers.Raw.Span);
            _file = file;
            Volatile.Write(ref _layers, null); // after the file and offset: a reader that sees null finds them
        }
    }

    /// <summary>
    /// A value that readers derive from this envelope's content alone (e.g. a client's decoded message header),
    /// worked out by the first reader and kept, so each reader does not decode the same immutable content again
    /// and the value stays in memory after the bytes move. <paramref name="derive"/> must be a pure function of
    /// the envelope. The envelope keeps one derived value: a reader deriving another type gets it computed on
    /// every call.
    /// </summary>
    public T Derived<T>(Func<ParsedOriginatorEnvelope, T> derive)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(derive);
        if (Volatile.Read(ref _derived) is T known)
        {
            return known;
        }

        var value = derive(this);
        return Interlocked.CompareExchange(ref _derived, value, null) as T ?? value;
    }

    /// <summary>
    /// What <see cref="EnvelopeParser.CheckReplicated"/> concluded about <see cref="Raw"/>, with the scheme and
    /// topic rule it used (one reference, so a reader never sees half of it).
    /// </summary>
    internal ReplicaVerdict? Replicated { get; set; }

    /// <summary>Total fee, picodollars.</summary>
    public ulong TotalFeePicodollars => BaseFeePicodollars + CongestionFeePicodollars;

    private Layers Current => Volatile.Read(ref _layers) ?? ReadBack();

    // The layers once the originator signature is in them: the node that signed this envelope may have left its
    // signature to a lane (see EnvelopeSigner.SignOriginatorBytes). Only Raw and the signature cover its bytes.
    private Layers Signed
    {
        get
        {
            var layers = Current;
            layers.Signing?.Wait();
            return layers;
        }
    }

    // The bytes from the scratch file, decoded again. Not kept: an envelope whose bytes moved is rarely read
    // again, and keeping what was read would undo the move. The decode trusts what was checked when the
    // envelope was first parsed (signatures are not recovered again) and reuses the values kept in memory.
    private Layers ReadBack()
    {
        var bytes = new byte[RawLength];
        _file!.Read(_fileOffset, bytes);
        return EnvelopeParser.DecodeLayers(UnsafeByteOperations.UnsafeWrap(bytes), Topic, PayerAddress);
    }

    /// <summary>
    /// The parts of a parsed envelope that hold (slices of) its bytes, and the originator signature still being
    /// written into the last bytes of <c>Raw</c> and <c>OriginatorSignature</c>, if it is.
    /// </summary>
    internal sealed record Layers(
        ByteString Raw, ByteString Unsigned, ByteString? OriginatorSignature, ByteString? TransactionHash, ParsedPayerEnvelope Payer)
    {
        public PendingSignature? Signing { get; init; }
    }
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

/// <summary>One boxed copy of each address seen, shared by every envelope that names it (payers and nodes: a handful).</summary>
internal static class AddressBoxes
{
    private static readonly ConcurrentDictionary<EthAddress, object> Boxes = new();

    public static object? Of(EthAddress? address) => address is { } value ? Boxes.GetOrAdd(value, static a => a) : null;
}
