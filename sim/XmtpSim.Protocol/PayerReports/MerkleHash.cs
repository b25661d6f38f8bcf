using System.Text;
using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.PayerReports;

/// <summary>The domain-separated node hashes of the payer Merkle tree (<c>xmtp/xmtpd: pkg/merkle/hash.go</c>).</summary>
public static class MerkleHash
{
    private static readonly byte[] LeafPrefix = Encoding.ASCII.GetBytes("leaf|");
    private static readonly byte[] NodePrefix = Encoding.ASCII.GetBytes("node|");
    private static readonly byte[] RootPrefix = Encoding.ASCII.GetBytes("root|");

    /// <summary>keccak256("leaf|" ‖ leaf).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> leaf)
    {
        var hasher = default(Keccak256);
        hasher.Append(LeafPrefix);
        hasher.Append(leaf);
        return hasher.Finish();
    }

    /// <summary>keccak256("node|" ‖ left ‖ right).</summary>
    public static byte[] Pair(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hasher = default(Keccak256);
        hasher.Append(NodePrefix);
        hasher.Append(left);
        hasher.Append(right);
        return hasher.Finish();
    }

    /// <summary>keccak256("node|" ‖ left) for a node whose right child does not exist.</summary>
    public static byte[] Pairless(ReadOnlySpan<byte> left)
    {
        var hasher = default(Keccak256);
        hasher.Append(NodePrefix);
        hasher.Append(left);
        return hasher.Finish();
    }

    /// <summary>keccak256("root|" ‖ uint256_be(leafCount) ‖ subRoot), the published root.</summary>
    public static byte[] Root(int leafCount, ReadOnlySpan<byte> subRoot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafCount);
        Span<byte> count = stackalloc byte[Abi.WordSize];
        Abi.WriteUInt(count, (ulong)leafCount);
        var hasher = default(Keccak256);
        hasher.Append(RootPrefix);
        hasher.Append(count);
        hasher.Append(subRoot);
        return hasher.Finish();
    }

    /// <summary>The leaf count as the bytes32 that opens every proof.</summary>
    public static byte[] CountElement(int leafCount)
    {
        var word = new byte[Abi.WordSize];
        Abi.WriteUInt(word, (ulong)leafCount);
        return word;
    }

    /// <summary>Reads a leaf-count bytes32: the first 28 bytes must be zero and the value ≤ int32 max (<c>Bytes32ToInt</c>).</summary>
    public static bool TryReadCount(ReadOnlySpan<byte> element, out int leafCount)
    {
        leafCount = 0;
        if (element.Length != Abi.WordSize || element[..28].IndexOfAnyExcept((byte)0) >= 0)
        {
            return false;
        }

        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(element[28..]);
        if (value > int.MaxValue)
        {
            return false;
        }

        leafCount = (int)value;
        return true;
    }

    /// <summary>Leaves in the balanced tree: 0 for none, 2 for one, else the next power of two ≥ count.</summary>
    public static int BalancedLeafCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count switch
        {
            0 => 0,
            1 => 2,
            _ => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)count),
        };
    }
}
