using System.Buffers.Binary;

namespace XmtpSim.Actors.Client;

/// <summary>
/// The simulated plaintext inside an MLS frame (after its 33-byte header): when and by whom the message
/// was published, then opaque filler up to the realistic size. Real MLS content carries a sent timestamp
/// too; here it lets every receiver measure publish-to-apply latency without a side channel.
/// Welcome data uses the same idea: the group id and the commit sequence the welcome was made at.
/// </summary>
public static class MessageContent
{
    /// <summary>Bytes the metadata takes: publish time (8), sender index (4), local id (8).</summary>
    public const int MetadataBytes = 20;

    /// <summary>Fills <paramref name="padding"/>: metadata first, then bytes from <paramref name="random"/>.</summary>
    public static void Write(Span<byte> padding, long publishedNs, int sender, long localId, Random random)
    {
        random.NextBytes(padding);
        if (padding.Length < MetadataBytes)
        {
            return;
        }

        BinaryPrimitives.WriteInt64BigEndian(padding, publishedNs);
        BinaryPrimitives.WriteInt32BigEndian(padding[8..], sender);
        BinaryPrimitives.WriteInt64BigEndian(padding[12..], localId);
    }

    /// <summary>Reads the metadata back from the bytes after the MLS header; false when too short.</summary>
    public static bool TryRead(ReadOnlySpan<byte> padding, out long publishedNs, out int sender, out long localId)
    {
        if (padding.Length < MetadataBytes)
        {
            publishedNs = -1;
            sender = -1;
            localId = -1;
            return false;
        }

        publishedNs = BinaryPrimitives.ReadInt64BigEndian(padding);
        sender = BinaryPrimitives.ReadInt32BigEndian(padding[8..]);
        localId = BinaryPrimitives.ReadInt64BigEndian(padding[12..]);
        return true;
    }

    /// <summary>Welcome data: group id (16), commit sequence (8), then filler.</summary>
    public static byte[] Welcome(ReadOnlySpan<byte> groupId, ulong commitSequence, int totalBytes, Random random)
    {
        var data = new byte[Math.Max(totalBytes, 24)];
        random.NextBytes(data);
        groupId.CopyTo(data);
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(16), commitSequence);
        return data;
    }

    /// <summary>Reads a welcome's group id and commit sequence.</summary>
    public static bool TryReadWelcome(ReadOnlySpan<byte> data, out byte[] groupId, out ulong commitSequence)
    {
        if (data.Length < 24)
        {
            groupId = [];
            commitSequence = 0;
            return false;
        }

        groupId = data[..16].ToArray();
        commitSequence = BinaryPrimitives.ReadUInt64BigEndian(data[16..]);
        return true;
    }
}
