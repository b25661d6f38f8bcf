using System.Buffers.Binary;
using Google.Protobuf;
using XmtpSim.Protocol.Storage;

namespace XmtpSim.Protocol.Topics;

/// <summary>
/// A topic as it travels on the wire: kind byte ‖ identifier (spec §3). Immutable value type over a
/// private copy of the bytes, never written after it is made (equal parsed topics may share one); equality is
/// byte equality. <c>default(Topic)</c> is not a valid topic
/// (<see cref="IsDefault"/>).
/// </summary>
public readonly struct Topic : IEquatable<Topic>
{
    /// <summary>Shortest valid topic in bytes: kind plus one identifier byte.</summary>
    public const int MinLength = 2;

    /// <summary>Longest topic the node accepts, in bytes.</summary>
    public const int MaxLength = 128;

    // The byte arrays of recently parsed or built topics, by hash: a group's every message names the same topic, and
    // a node keeps millions of messages, so parsing hands out one array per topic instead of one per envelope. A
    // slot is overwritten by the next topic that lands on it; a race between threads only loses a chance to share.
    private static readonly RecentSlots<byte[]> RecentlyParsed = new(maxBits: 18);

    // The display text of recently printed topics, by hash: every replica journals the topic of each envelope it
    // stores, so printing reuses one string per topic instead of making three per line. Same overwrite rule.
    private static readonly RecentSlots<TopicText> RecentlyPrinted = new(maxBits: 16);

    private readonly byte[]? _bytes;
    private readonly int _hash; // of the bytes, once: topics key the busiest dictionaries of nodes and clients

    private Topic(byte[] bytes)
        : this(bytes, HashOf(bytes))
    {
    }

    private Topic(byte[] bytes, int hash)
    {
        _bytes = bytes;
        _hash = hash;
    }

    /// <summary>True for <c>default(Topic)</c>, which holds no bytes.</summary>
    public bool IsDefault => _bytes is null;

    /// <summary>The kind byte.</summary>
    public TopicKind Kind => (TopicKind)Bytes[0];

    /// <summary>The full wire bytes (kind ‖ identifier).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? throw new InvalidOperationException("default(Topic) has no bytes");

    /// <summary>The identifier after the kind byte; the stable-hash node selector hashes only this.</summary>
    public ReadOnlySpan<byte> Identifier => Bytes[1..];

    /// <summary>Length on the wire in bytes.</summary>
    public int Length => Bytes.Length;

    /// <summary>Kinds 4 and 5: only a node may publish these, into its own originator stream.</summary>
    public bool IsReserved => Kind.IsReserved();

    /// <summary>Group-message topic for a 16-byte MLS group ID.</summary>
    public static Topic GroupMessages(ReadOnlySpan<byte> groupId) => Create(TopicKind.GroupMessagesV1, groupId);

    /// <summary>Welcome topic for a 32-byte recipient installation key.</summary>
    public static Topic WelcomeMessages(ReadOnlySpan<byte> installationKey) => Create(TopicKind.WelcomeMessagesV1, installationKey);

    /// <summary>Identity-update topic for a 32-byte inbox ID.</summary>
    public static Topic IdentityUpdates(ReadOnlySpan<byte> inboxId) => Create(TopicKind.IdentityUpdatesV1, inboxId);

    /// <summary>Key-package topic for a 32-byte installation key.</summary>
    public static Topic KeyPackages(ReadOnlySpan<byte> installationKey) => Create(TopicKind.KeyPackagesV1, installationKey);

    /// <summary>Payer-report topic of an originator: 0x04 ‖ uint32_le(nodeId).</summary>
    public static Topic PayerReports(uint originatorNodeId) => ForNode(TopicKind.PayerReportsV1, originatorNodeId);

    /// <summary>Attestation topic for reports about an originator: 0x05 ‖ uint32_le(nodeId).</summary>
    public static Topic PayerReportAttestations(uint originatorNodeId) => ForNode(TopicKind.PayerReportAttestationsV1, originatorNodeId);

    /// <summary>
    /// Builds a topic, enforcing the strict identifier size. Throws <see cref="ArgumentException"/>
    /// because a wrong size here is a programming error, not bad input.
    /// </summary>
    public static Topic Create(TopicKind kind, ReadOnlySpan<byte> identifier)
    {
        if (!TopicKinds.IsKnown((byte)kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown topic kind");
        }

        var expected = kind.IdentifierSize();
        if (identifier.Length != expected)
        {
            throw new ArgumentException(
                $"a {kind.WireName()} identifier has {expected} bytes, got {identifier.Length}", nameof(identifier));
        }

        var bytes = new byte[1 + identifier.Length];
        bytes[0] = (byte)kind;
        identifier.CopyTo(bytes.AsSpan(1));
        var hash = HashOf(bytes);
        return new Topic(Shared(bytes, bytes, hash), hash);
    }

    /// <summary>Parses wire bytes; on failure <paramref name="error"/> names the rule broken.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> bytes, out Topic topic, out TopicError? error, TopicValidation validation = TopicValidation.Strict)
    {
        topic = default;
        error = Check(bytes, validation);
        if (error is not null)
        {
            return false;
        }

        var hash = HashOf(bytes);
        topic = new Topic(Shared(null, bytes, hash), hash);
        return true;
    }

    /// <summary>
    /// The array of a recent equal topic, or <paramref name="made"/> (a copy of <paramref name="bytes"/> when
    /// null), which then becomes the recent one. Built and parsed topics share: a client's key for its group
    /// and the topic of every message it reads then hold one array, and comparing them is one pointer check.
    /// </summary>
    private static byte[] Shared(byte[]? made, ReadOnlySpan<byte> bytes, int hash)
    {
        var slot = SlotKey(hash);
        var known = RecentlyParsed.Get(slot);
        if (known is null || !bytes.SequenceEqual(known))
        {
            known = made ?? bytes.ToArray();
            RecentlyParsed.Set(slot, known);
        }

        return known;
    }

    /// <summary>Parses a protobuf <c>bytes</c> field (e.g. <c>aad.target_topic</c>).</summary>
    public static bool TryParse(
        ByteString bytes, out Topic topic, out TopicError? error, TopicValidation validation = TopicValidation.Strict) =>
        TryParse(bytes.Span, out topic, out error, validation);

    /// <summary>Parses wire bytes, throwing <see cref="FormatException"/> with the broken rule.</summary>
    public static Topic Parse(ReadOnlySpan<byte> bytes, TopicValidation validation = TopicValidation.Strict) =>
        TryParse(bytes, out var topic, out var error, validation) ? topic : throw new FormatException(error!.ToString());

    /// <summary>Checks wire bytes without allocating a topic; null when valid.</summary>
    public static TopicError? Check(ReadOnlySpan<byte> bytes, TopicValidation validation = TopicValidation.Strict)
    {
        if (bytes.Length < MinLength)
        {
            return new TopicError(TopicRule.TooShort, $"topic must be at least {MinLength} bytes, got {bytes.Length}");
        }

        if (bytes.Length > MaxLength)
        {
            return new TopicError(TopicRule.TooLong, $"topic must be at most {MaxLength} bytes, got {bytes.Length}");
        }

        if (!TopicKinds.IsKnown(bytes[0]))
        {
            return new TopicError(TopicRule.UnknownKind, $"unknown topic kind {bytes[0]}");
        }

        var kind = (TopicKind)bytes[0];
        var expected = kind.IdentifierSize();
        if (validation == TopicValidation.Strict && bytes.Length - 1 != expected)
        {
            return new TopicError(
                TopicRule.IdentifierSize,
                $"a {kind.WireName()} identifier must be {expected} bytes, got {bytes.Length - 1}");
        }

        return null;
    }

    /// <summary>
    /// Parses the human-readable form <c>&lt;name&gt;/&lt;hex identifier&gt;</c> that <see cref="ToString"/> prints.
    /// </summary>
    public static bool TryParseDisplay(
        string text, out Topic topic, out TopicError? error, TopicValidation validation = TopicValidation.Strict)
    {
        topic = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TopicKinds.TryParseWireName(text[..slash], out var kind))
        {
            error = new TopicError(TopicRule.UnknownKind, $"'{text}' does not start with a known topic kind name");
            return false;
        }

        byte[] identifier;
        try
        {
            identifier = Convert.FromHexString(text[(slash + 1)..]);
        }
        catch (FormatException)
        {
            error = new TopicError(TopicRule.IdentifierSize, $"'{text}' has an identifier that is not hex");
            return false;
        }

        var bytes = new byte[1 + identifier.Length];
        bytes[0] = (byte)kind;
        identifier.CopyTo(bytes, 1);
        return TryParse(bytes, out topic, out error, validation);
    }

    /// <summary>The originator node ID of a payer-report or attestation topic (4-byte little-endian identifier).</summary>
    public bool TryGetReportNodeId(out uint nodeId)
    {
        if (IsDefault || !IsReserved || Identifier.Length != TopicKinds.NodeIdSize)
        {
            nodeId = 0;
            return false;
        }

        nodeId = BinaryPrimitives.ReadUInt32LittleEndian(Identifier);
        return true;
    }

    /// <summary>The wire bytes as a protobuf field value.</summary>
    public ByteString ToByteString() => ByteString.CopyFrom(Bytes);

    /// <summary>A copy of the wire bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc />
    public bool Equals(Topic other) =>
        ReferenceEquals(_bytes, other._bytes) || // shared arrays (and two defaults): no need to read the bytes
        (_bytes is not null && other._bytes is not null && _hash == other._hash && _bytes.AsSpan().SequenceEqual(other._bytes));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Topic other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>Human-readable form xmtpd logs: <c>&lt;name&gt;/&lt;lower-case hex identifier&gt;</c>.</summary>
    public override string ToString()
    {
        if (_bytes is null)
        {
            return "(default topic)";
        }

        var slot = SlotKey(_hash);
        var known = RecentlyPrinted.Get(slot);
        if (known is null || !known.Bytes.AsSpan().SequenceEqual(_bytes)) // the same array compares in one step
        {
            known = new TopicText(_bytes, Kind.WireName() + "/" + Convert.ToHexStringLower(Identifier));
            RecentlyPrinted.Set(slot, known);
        }

        return known.Text;
    }

    /// <summary>Byte equality.</summary>
    public static bool operator ==(Topic left, Topic right) => left.Equals(right);

    /// <summary>Byte inequality.</summary>
    public static bool operator !=(Topic left, Topic right) => !left.Equals(right);

    // The bytes' hash in the top bits, where the sharing tables pick their slot.
    private static ulong SlotKey(int hash) => (ulong)(uint)hash << 32;

    private static int HashOf(ReadOnlySpan<byte> bytes)
    {
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    private static Topic ForNode(TopicKind kind, uint nodeId)
    {
        var bytes = new byte[1 + TopicKinds.NodeIdSize];
        bytes[0] = (byte)kind;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1), nodeId);
        return new Topic(bytes);
    }

    /// <summary>A topic's bytes and its display text, cached together.</summary>
    private sealed record TopicText(byte[] Bytes, string Text);
}
