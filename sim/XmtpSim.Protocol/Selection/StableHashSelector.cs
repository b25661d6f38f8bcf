using System.Buffers.Binary;
using System.Security.Cryptography;

namespace XmtpSim.Protocol.Selection;

/// <summary>
/// The gateway's default ("stable") originator selection (xmtpd payer selectors, XIP-79, spec §11):
/// nodes sorted by id sit on a 32-bit ring at <c>i × floor(0xFFFFFFFF / n)</c>; a topic's position is the
/// first four bytes (big-endian) of SHA-256 of its identifier (not the kind byte, so one installation's
/// welcomes and key packages land together); the topic goes to the first node whose position is above it
/// (wrapping to the first node), then walks forward past banned nodes.
/// </summary>
public static class StableHashSelector
{
    /// <summary>The ring position of a topic identifier.</summary>
    public static uint Position(ReadOnlySpan<byte> topicIdentifier)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(topicIdentifier, hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }

    /// <summary>
    /// Picks a node for <paramref name="topicIdentifier"/> among <paramref name="nodeIds"/> (any order; they are
    /// sorted ascending here), skipping <paramref name="banned"/>. Returns null when every node is banned or
    /// there are none.
    /// </summary>
    public static uint? Select(ReadOnlySpan<byte> topicIdentifier, IReadOnlyCollection<uint> nodeIds, IReadOnlySet<uint>? banned = null)
    {
        if (nodeIds.Count == 0)
        {
            return null;
        }

        var sorted = nodeIds.Order().ToArray();
        var n = (uint)sorted.Length;
        var spacing = 0xFFFFFFFFu / n;
        var h = Position(topicIdentifier);
        var start = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (h < (ulong)i * spacing)
            {
                start = i;
                break;
            }
        }

        for (var step = 0; step < sorted.Length; step++)
        {
            var candidate = sorted[(start + step) % sorted.Length];
            if (banned is null || !banned.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
