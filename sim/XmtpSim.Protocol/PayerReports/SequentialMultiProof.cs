namespace XmtpSim.Protocol.PayerReports;

/// <summary>
/// A proof that <see cref="Leaves"/> are the contiguous leaves from <see cref="StartingIndex"/> of a
/// payer Merkle tree (<c>xmtp/xmtpd: pkg/merkle/proof.go</c>, <c>SequentialMerkleProofs.sol</c>).
/// <see cref="ProofElements"/>[0] is the tree's leaf count as bytes32; the rest are decommitments in
/// the order the verifier consumes them (right to left, bottom up), then the sub-root when no leaf is proven.
/// </summary>
/// <param name="StartingIndex">Index of the first proven leaf (the report's settlement offset).</param>
/// <param name="Leaves">The raw leaves (64-byte <c>abi.encode(address, uint96)</c> for payer reports).</param>
/// <param name="ProofElements">Leaf count word, then 32-byte decommitments.</param>
public sealed record SequentialMultiProof(int StartingIndex, IReadOnlyList<byte[]> Leaves, IReadOnlyList<byte[]> ProofElements)
{
    /// <summary>The leaf count the proof claims, or -1 when the first element is missing or invalid.</summary>
    public int LeafCount => ProofElements.Count > 0 && MerkleHash.TryReadCount(ProofElements[0], out var count) ? count : -1;

    /// <summary>True when the proof recomputes <paramref name="root"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> root) =>
        root.Length > 0 && TryComputeRoot(out var computed, out _) && root.SequenceEqual(computed);

    /// <summary>
    /// Recomputes the root from the leaves and decommitments, exactly as xmtpd's <c>computeRoot</c>
    /// (a circular queue processed right to left). False with a reason for a structurally invalid proof.
    /// </summary>
    public bool TryComputeRoot(out byte[] root, out string error)
    {
        root = [];
        error = Validate();
        if (error.Length > 0)
        {
            return false;
        }

        MerkleHash.TryReadCount(ProofElements[0], out var leafCount);
        if (Leaves.Count == 0)
        {
            root = leafCount == 0 ? new byte[32] : MerkleHash.Root(leafCount, ProofElements[1]);
            return true;
        }

        var balancedLeafCount = MerkleHash.BalancedLeafCount(leafCount);
        var n = Leaves.Count;
        var indices = new int[n];
        var hashes = new byte[n][];
        for (var i = 0; i < n; i++)
        {
            indices[n - 1 - i] = balancedLeafCount + StartingIndex + i;
            hashes[n - 1 - i] = MerkleHash.Leaf(Leaves[i]);
        }

        int readIdx = 0, writeIdx = 0, proofIdx = 1;
        var upperBound = balancedLeafCount + leafCount - 1;
        var lowestTreeIndex = balancedLeafCount + StartingIndex;
        while (true)
        {
            var nodeIdx = indices[readIdx % n];
            if (nodeIdx == 1)
            {
                root = MerkleHash.Root(leafCount, hashes[(writeIdx - 1) % n]);
                return true;
            }

            if (nodeIdx == upperBound && (nodeIdx & 1) == 0)
            {
                var pairless = MerkleHash.Pairless(hashes[readIdx % n]);
                indices[writeIdx % n] = nodeIdx >> 1;
                hashes[writeIdx % n] = pairless;
                writeIdx++;
                readIdx++;
                if (nodeIdx != lowestTreeIndex)
                {
                    continue;
                }

                lowestTreeIndex >>= 1;
                upperBound >>= 1;
                continue;
            }

            var nextNodeIdx = indices[(readIdx + 1) % n];
            byte[] right;
            if ((nodeIdx & 1) == 0)
            {
                if (proofIdx >= ProofElements.Count)
                {
                    error = "insufficient proof elements";
                    return false;
                }

                right = ProofElements[proofIdx++];
            }
            else
            {
                right = hashes[readIdx % n];
                readIdx++;
            }

            byte[] left;
            if ((nodeIdx & 1) == 0 || nextNodeIdx == nodeIdx - 1)
            {
                left = hashes[readIdx % n];
                readIdx++;
            }
            else
            {
                if (proofIdx >= ProofElements.Count)
                {
                    error = "insufficient proof elements";
                    return false;
                }

                left = ProofElements[proofIdx++];
            }

            indices[writeIdx % n] = nodeIdx >> 1;
            hashes[writeIdx % n] = MerkleHash.Pair(left, right);
            writeIdx++;
            if (nodeIdx != lowestTreeIndex && nextNodeIdx != lowestTreeIndex)
            {
                continue;
            }

            lowestTreeIndex >>= 1;
            upperBound >>= 1;
        }
    }

    private string Validate()
    {
        if (StartingIndex < 0)
        {
            return "invalid starting index";
        }

        if (ProofElements.Count == 0)
        {
            return "no proofs provided";
        }

        if (!MerkleHash.TryReadCount(ProofElements[0], out var leafCount))
        {
            return "invalid leaf count element";
        }

        if (leafCount > 0 && Leaves.Count == 0 && ProofElements.Count < 2)
        {
            return "insufficient proofs provided";
        }

        if ((long)StartingIndex + Leaves.Count > leafCount)
        {
            return "indices out of bounds";
        }

        if (Leaves.Any(l => l is null) || ProofElements.Any(p => p is null))
        {
            return "nil leaf or proof element";
        }

        return "";
    }
}
