using System.Buffers.Binary;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Mls;

namespace XmtpSim.Protocol.Mls;

/// <summary>
/// The minimal MLS PrivateMessage frame the simulator uses instead of real MLS (spec §8.1, §16):
/// <c>0001 0002 10 &lt;group id, 16&gt; &lt;epoch, 8 BE&gt; &lt;content_type&gt; 000000</c>, then opaque padding.
/// xmtpd reads only up to content_type, so the padding is ignored by real nodes and gateways, and the
/// frame routes exactly as a real MLS message of the same content type would.
/// </summary>
public static class MlsFrame
{
    /// <summary>Bytes before the padding: 2 + 2 + 1 + 16 + 8 + 1 + 3.</summary>
    public const int HeaderSize = 33;

    private const ushort ProtocolVersionMls10 = 1;
    private const ushort WireFormatPublicMessage = 1;
    private const ushort WireFormatPrivateMessage = 2;

    /// <summary>
    /// Builds a frame of exactly <paramref name="totalSize"/> bytes, padding copied from
    /// <paramref name="padding"/> (which must hold at least <c>totalSize - HeaderSize</c> bytes).
    /// </summary>
    public static byte[] Build(
        ReadOnlySpan<byte> groupId, ulong epoch, MlsContentType contentType, int totalSize, ReadOnlySpan<byte> padding)
    {
        var frame = BuildHeader(groupId, epoch, contentType, totalSize);
        var padLength = totalSize - HeaderSize;
        if (padding.Length < padLength)
        {
            throw new ArgumentException($"need {padLength} padding bytes, got {padding.Length}", nameof(padding));
        }

        padding[..padLength].CopyTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    /// <summary>
    /// Builds a frame of exactly <paramref name="totalSize"/> bytes whose padding is a deterministic
    /// SplitMix64 stream of <paramref name="paddingSeed"/>: the same seed always gives the same bytes.
    /// </summary>
    public static byte[] Build(ReadOnlySpan<byte> groupId, ulong epoch, MlsContentType contentType, int totalSize, ulong paddingSeed)
    {
        var frame = BuildHeader(groupId, epoch, contentType, totalSize);
        FillDeterministic(frame.AsSpan(HeaderSize), paddingSeed);
        return frame;
    }

    /// <summary>Fills <paramref name="destination"/> with the SplitMix64 byte stream of <paramref name="seed"/>.</summary>
    public static void FillDeterministic(Span<byte> destination, ulong seed)
    {
        var state = seed;
        Span<byte> word = stackalloc byte[8];
        for (var offset = 0; offset < destination.Length; offset += 8)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            BinaryPrimitives.WriteUInt64LittleEndian(word, z);
            var take = Math.Min(8, destination.Length - offset);
            word[..take].CopyTo(destination[offset..]);
        }
    }

    /// <summary>
    /// Classifies MLS bytes the way xmtpd's deserializer does: version must be 1; a PrivateMessage is
    /// read up to its content_type byte; a PublicMessage through group ID, epoch, sender and
    /// authenticated data to its content_type, which must be 1..3. Anything else is unparseable.
    /// </summary>
    public static MlsMessageClass Classify(ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        if (!reader.TryReadUInt16(out var version) || !reader.TryReadUInt16(out var wireFormat))
        {
            return MlsMessageClass.Unparseable;
        }

        if (wireFormat == WireFormatPrivateMessage)
        {
            if (!reader.TrySkipVector() || !reader.TrySkip(8) || !reader.TryReadByte(out var privateType) || version != ProtocolVersionMls10)
            {
                return MlsMessageClass.Unparseable;
            }

            return privateType is >= 1 and <= 3 ? (MlsMessageClass)privateType : MlsMessageClass.OtherPrivate;
        }

        if (wireFormat == WireFormatPublicMessage)
        {
            if (!reader.TrySkipVector() || !reader.TrySkip(8) || !reader.TrySkipSender() || !reader.TrySkipVector()
                || !reader.TryReadByte(out var publicType) || version != ProtocolVersionMls10)
            {
                return MlsMessageClass.Unparseable;
            }

            return publicType is >= 1 and <= 3 ? (MlsMessageClass)publicType : MlsMessageClass.Unparseable;
        }

        return MlsMessageClass.Unparseable;
    }

    /// <summary>Classifies a group-message payload; a missing V1 or empty data is unparseable (the node refuses it).</summary>
    public static MlsMessageClass Classify(GroupMessageInput? input)
    {
        var data = input?.V1?.Data;
        return data is null || data.IsEmpty ? MlsMessageClass.Unparseable : Classify(data.Span);
    }

    /// <summary>True for proposals and commits: the gateway sends these to the chain and the node refuses them.</summary>
    public static bool BelongsOnChain(MlsMessageClass messageClass) =>
        messageClass is MlsMessageClass.Proposal or MlsMessageClass.Commit;

    /// <summary>Reads group ID and epoch of a PrivateMessage frame; false for anything else.</summary>
    public static bool TryReadPrivateHeader(ReadOnlySpan<byte> data, out byte[] groupId, out ulong epoch, out byte contentType)
    {
        groupId = [];
        epoch = 0;
        contentType = 0;
        var reader = new TlsReader(data);
        if (!reader.TryReadUInt16(out var version) || version != ProtocolVersionMls10
            || !reader.TryReadUInt16(out var wireFormat) || wireFormat != WireFormatPrivateMessage
            || !reader.TryReadVector(out var id) || !reader.TryReadUInt64(out epoch) || !reader.TryReadByte(out contentType))
        {
            return false;
        }

        groupId = id.ToArray();
        return true;
    }

    private static byte[] BuildHeader(ReadOnlySpan<byte> groupId, ulong epoch, MlsContentType contentType, int totalSize)
    {
        if (groupId.Length != TopicKinds.GroupIdSize)
        {
            throw new ArgumentException($"a group ID has {TopicKinds.GroupIdSize} bytes, got {groupId.Length}", nameof(groupId));
        }

        if (totalSize < HeaderSize)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSize), totalSize, $"a frame has at least {HeaderSize} bytes");
        }

        var frame = new byte[totalSize];
        var span = frame.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, ProtocolVersionMls10);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], WireFormatPrivateMessage);
        span[4] = TopicKinds.GroupIdSize; // MLS variable-length vector prefix: one byte, value 16
        groupId.CopyTo(span[5..]);
        BinaryPrimitives.WriteUInt64BigEndian(span[21..], epoch);
        span[29] = (byte)contentType;
        // bytes 30..32: empty authenticated_data, encrypted_sender_data and ciphertext vectors (already 0)
        return frame;
    }

    private ref struct TlsReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public bool TryReadByte(out byte value)
        {
            if (_position >= _data.Length)
            {
                value = 0;
                return false;
            }

            value = _data[_position++];
            return true;
        }

        public bool TryReadUInt16(out ushort value)
        {
            value = 0;
            if (_data.Length - _position < 2)
            {
                return false;
            }

            value = BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]);
            _position += 2;
            return true;
        }

        public bool TryReadUInt64(out ulong value)
        {
            value = 0;
            if (_data.Length - _position < 8)
            {
                return false;
            }

            value = BinaryPrimitives.ReadUInt64BigEndian(_data[_position..]);
            _position += 8;
            return true;
        }

        public bool TrySkip(int count)
        {
            if (_data.Length - _position < count)
            {
                return false;
            }

            _position += count;
            return true;
        }

        public bool TrySkipVector() => TryReadVector(out _);

        // RFC 9420 §2.1.2 variable-size length: the top two bits of the first byte give 1, 2, 4 or 8 length bytes.
        public bool TryReadVector(out ReadOnlySpan<byte> vector)
        {
            vector = default;
            if (!TryReadByte(out var first))
            {
                return false;
            }

            var prefixLength = 1 << (first >> 6);
            var length = (ulong)(first & 0x3F);
            for (var i = 1; i < prefixLength; i++)
            {
                if (!TryReadByte(out var next))
                {
                    return false;
                }

                length = (length << 8) | next;
            }

            if (length > (ulong)(_data.Length - _position))
            {
                return false;
            }

            vector = _data.Slice(_position, (int)length);
            _position += (int)length;
            return true;
        }

        // Sender: type 1 (member) and 2 (external) carry a uint32 index; 3 and 4 carry nothing.
        public bool TrySkipSender()
        {
            if (!TryReadByte(out var senderType))
            {
                return false;
            }

            return senderType switch
            {
                1 or 2 => TrySkip(4),
                3 or 4 => true,
                _ => false,
            };
        }
    }
}
