using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.PayerReports;

/// <summary>
/// The payers Merkle tree of a payer report (spec §9.5; <c>xmtp/xmtpd: pkg/merkle/tree.go</c>,
/// <c>pkg/payerreport/merkle.go</c>). Immutable.
/// </summary>
/// <remarks>
/// Layout for a balanced width N (<see cref="MerkleHash.BalancedLeafCount"/>): root at 0, internal nodes
/// 1…N−1, hashed leaves N…N+count−1; children of i are 2i and 2i+1. Positions right of the last leaf
/// are empty and not hashed; a node whose left child is the last node of its level is
/// keccak256("node|" ‖ left). The root is keccak256("root|" ‖ uint256(count) ‖ node[1]); the empty tree's
/// root is 32 zero bytes.
/// </remarks>
public sealed class PayerMerkleTree
{
    /// <summary>Size of a payer leaf: abi.encode(address, uint96).</summary>
    public const int PayerLeafSize = 64;

    private static readonly UInt128 MaxUInt96 = (UInt128.One << 96) - 1;

    private readonly byte[]?[] _tree;
    private readonly byte[][] _leaves;

    private PayerMerkleTree(byte[][] leaves)
    {
        _leaves = leaves;
        var count = leaves.Length;
        var balanced = MerkleHash.BalancedLeafCount(count);
        _tree = new byte[]?[balanced * 2];
        if (count == 0)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            _tree[balanced + i] = MerkleHash.Leaf(leaves[i]);
        }

        // Level by level, bottom up: the last index of a level is the previous level's last index / 2.
        var lowerBound = balanced;
        var upperBound = balanced + count - 1;
        for (var i = balanced - 1; i > 0; i--)
        {
            var left = 2 * i;
            if (left > upperBound)
            {
                continue;
            }

            if (left == upperBound)
            {
                _tree[i] = MerkleHash.Pairless(_tree[left]);
                continue;
            }

            if (left <= lowerBound)
            {
                lowerBound >>= 1;
                upperBound >>= 1;
            }

            _tree[i] = MerkleHash.Pair(_tree[left], _tree[left + 1]);
        }

        _tree[0] = MerkleHash.Root(count, _tree[1]);
    }

    /// <summary>Number of leaves.</summary>
    public int LeafCount => _leaves.Length;

    /// <summary>The raw leaves, in tree order.</summary>
    public IReadOnlyList<byte[]> Leaves => _leaves;

    /// <summary>The published root (32 zero bytes for an empty tree).</summary>
    public byte[] Root => _tree.Length == 0 ? new byte[32] : (byte[])_tree[0]!.Clone();

    /// <summary>The hash at array position <paramref name="index"/> (0 = root), or null for an empty position.</summary>
    public byte[]? NodeAt(int index) => (byte[]?)_tree[index]?.Clone();

    /// <summary>Builds the tree over raw leaves in the given order.</summary>
    public static PayerMerkleTree FromLeaves(IEnumerable<byte[]> leaves)
    {
        var copy = leaves.Select(l => (l ?? throw new ArgumentException("a leaf is null", nameof(leaves))).ToArray()).ToArray();
        return new PayerMerkleTree(copy);
    }

    /// <summary>
    /// Builds the tree of a payer map: leaves abi.encode(payer, uint96 fee) sorted by payer address
    /// ascending (<c>payerreport.GenerateMerkleTree</c>).
    /// </summary>
    /// <param name="feesPicodollars">Spend per payer in picodollars (each &lt; 2^96).</param>
    public static PayerMerkleTree FromPayers(IEnumerable<KeyValuePair<EthAddress, UInt128>> feesPicodollars)
    {
        var sorted = feesPicodollars.OrderBy(p => p.Key).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Key == sorted[i - 1].Key)
            {
                throw new ArgumentException($"payer {sorted[i].Key} appears twice", nameof(feesPicodollars));
            }
        }

        return new PayerMerkleTree(sorted.Select(p => EncodeLeaf(p.Key, p.Value)).ToArray());
    }

    /// <summary>A payer leaf: abi.encode(address payer, uint96 fee) — 64 bytes.</summary>
    public static byte[] EncodeLeaf(EthAddress payer, UInt128 feePicodollars)
    {
        if (feePicodollars > MaxUInt96)
        {
            throw new ArgumentOutOfRangeException(nameof(feePicodollars), "a fee must fit in uint96");
        }

        var leaf = new byte[PayerLeafSize];
        Abi.WriteAddress(leaf, payer);
        Abi.WriteUInt(leaf.AsSpan(Abi.WordSize), feePicodollars);
        return leaf;
    }

    /// <summary>
    /// A sequential multiproof for leaves [<paramref name="startingIndex"/>, startingIndex + count)
    /// (<c>GenerateMultiProofSequential</c>): the leaf count word, then for each internal node from the
    /// highest index down to 1 whose children are exactly one known, the unknown sibling (skipped when it
    /// is an empty right position), then the sub-root when no leaf is proven.
    /// </summary>
    public SequentialMultiProof ProveSequential(int startingIndex, int count)
    {
        if (startingIndex < 0 || count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startingIndex), "invalid range");
        }

        if ((long)startingIndex + count > LeafCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "indices out of bounds");
        }

        var balanced = _tree.Length >> 1;
        var known = new bool[_tree.Length];
        for (var i = 0; i < count; i++)
        {
            known[balanced + startingIndex + i] = true;
        }

        var elements = new List<byte[]> { MerkleHash.CountElement(LeafCount) };
        for (var i = balanced - 1; i > 0; i--)
        {
            var left = known[2 * i];
            var right = known[(2 * i) + 1];
            known[i] = left || right;
            if (left == right)
            {
                continue;
            }

            if (right)
            {
                elements.Add((byte[])_tree[2 * i]!.Clone());
                continue;
            }

            if (_tree[(2 * i) + 1] is { } sibling)
            {
                elements.Add((byte[])sibling.Clone());
            }
        }

        if (balanced != 0 && !known[1])
        {
            elements.Add((byte[])_tree[1]!.Clone());
        }

        var leaves = _leaves.Skip(startingIndex).Take(count).Select(l => (byte[])l.Clone()).ToArray();
        return new SequentialMultiProof(count == 0 ? 0 : startingIndex, leaves, elements);
    }
}
