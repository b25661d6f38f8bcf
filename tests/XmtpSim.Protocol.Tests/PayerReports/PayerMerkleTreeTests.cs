using System.Text;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.PayerReports;

namespace XmtpSim.Protocol.Tests.PayerReports;

public sealed class PayerMerkleTreeTests
{
    // xmtp/xmtpd pkg/merkle/proof_test.go sample leaves (raw 32-byte leaves).
    private static readonly string[] SampleLeaves =
    [
        "6330b989705733cc5c1f7285b8a5b892e08be86ed6fbe9d254713a4277bc5bd2",
        "a8152e7c56b62d9fcb8af361257a260b2b9481c8683e8df1651a31508cc6ee31",
        "007f47e1c51d53cab18977050347e8e8dc488bdd9590babe3e104fcb9a1ef599",
        "7cbe68a29af312d42c40e6d083bb64fe2ba0ac6bf1cac8e4b10f5356142e3828",
        "4a864e860c0d0247c6aa5ebcb2bc3f15fc4ddf86213258f4bf0b72e51c9d9c69",
        "51b7ae2bab96bd3fbb3b26e1efefb0b9b6a60054ed7ffcfa700374d58f315a31",
        "aa79d134afbdcf008b487dbab5717dfc6518bffd2dc6ce71724a9e87200a086c",
        "e83870d75c6c4c4d1f6ba674481932301e0a1029b44c1407b6aea06cd56d4836",
        "2815ef424dd0613d69f70546821ebddf2fe1b7452510cd21d25f3e438863e8a3",
        "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2",
        "112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00",
        "f0e1d2c3b4a5968778695a4b3c2d1e0f1f2e3d4c5b6a79887766554433221100",
        "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789",
        "9876543210fedcba9876543210fedcba9876543210fedcba9876543210fedcba",
        "deadbeefcafebabe0123456789abcdefdeadbeefcafebabe0123456789abcdef",
        "cafebabebeefdeadabcdef0123456789cafebabebeefdeadabcdef0123456789",
    ];

    [Fact]
    public void Empty_tree_has_the_zero_root()
    {
        var tree = PayerMerkleTree.FromLeaves([]);
        Assert.Equal(new byte[32], tree.Root);
        var proof = tree.ProveSequential(0, 0);
        Assert.Equal([MerkleHash.CountElement(0)], proof.ProofElements);
        Assert.True(proof.Verify(new byte[32]));
    }

    [Fact]
    public void Tiny_trees_match_a_hand_computation()
    {
        byte[][] leaves = [[1], [2], [3], [4], [5]];
        var l = leaves.Select(x => K("leaf|"u8, x)).ToArray();

        // One leaf: width 2, node1 = H(node| l0) (lone left child).
        Assert.Equal(K("root|"u8, Count(1), K("node|"u8, l[0])), PayerMerkleTree.FromLeaves(leaves[..1]).Root);

        // Two leaves.
        Assert.Equal(K("root|"u8, Count(2), K("node|"u8, l[0], l[1])), PayerMerkleTree.FromLeaves(leaves[..2]).Root);

        // Three leaves: width 4; node3 = H(node| l2).
        var three = K("node|"u8, K("node|"u8, l[0], l[1]), K("node|"u8, l[2]));
        Assert.Equal(K("root|"u8, Count(3), three), PayerMerkleTree.FromLeaves(leaves[..3]).Root);

        // Five leaves: width 8; leaves 8..12; node6 = H(node| l4), node7 empty; node3 = H(node| node6).
        var n4 = K("node|"u8, l[0], l[1]);
        var n5 = K("node|"u8, l[2], l[3]);
        var n6 = K("node|"u8, l[4]);
        var n2 = K("node|"u8, n4, n5);
        var n3 = K("node|"u8, n6);
        var five = PayerMerkleTree.FromLeaves(leaves);
        Assert.Equal(K("root|"u8, Count(5), K("node|"u8, n2, n3)), five.Root);
        Assert.Equal(n3, five.NodeAt(3));
        Assert.Null(five.NodeAt(7));
        Assert.Null(five.NodeAt(13));
    }

    [Fact]
    public void Payer_leaves_are_abi_encoded_and_sorted_by_address()
    {
        var low = EthAddress.Parse("0x0000000000000000000000000000000000000001");
        var high = EthAddress.Parse("0xff00000000000000000000000000000000000000");
        var tree = PayerMerkleTree.FromPayers(new Dictionary<EthAddress, UInt128> { [high] = 7, [low] = 300_000_000 });
        Assert.Equal(
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "0000000000000000000000000000000000000000000000000000000011e1a300",
            Convert.ToHexStringLower(tree.Leaves[0]));
        Assert.Equal(
            "000000000000000000000000ff00000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000007",
            Convert.ToHexStringLower(tree.Leaves[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PayerMerkleTree.EncodeLeaf(low, UInt128.One << 96));
    }

    [Fact]
    public void Payer_tree_matches_the_contracts_known_answer()
    {
        // Known-answer vector: xmtp/smart-contracts test/unit/PayerReportManager.t.sol test_settle_*:
        // payers (address(i), i * 100e6 picodollars) for i = 1..6, proof of the first three leaves.
        var payers = Enumerable.Range(1, 6).ToDictionary(
            i => EthAddress.FromBytes([.. new byte[19], (byte)i]),
            i => (UInt128)(ulong)(i * 100_000_000));
        var tree = PayerMerkleTree.FromPayers(payers);
        Assert.Equal("5807d8ca94a88902828131e142324977223e0021944d54e5c63881a0421a4e8d", Convert.ToHexStringLower(tree.Root));
        var proof = tree.ProveSequential(0, 3);
        Assert.Equal(
            [
                "0000000000000000000000000000000000000000000000000000000000000006",
                "c7a83e45e11b69800b058f902598615625ff3d69c180fd2d59a2ca3cb88f6dec",
                "4683c80d7765d87de0a6c38b3ceb3861b1c9f8cdd4e5b7b4229148216af2748b",
            ],
            proof.ProofElements.Select(Convert.ToHexStringLower));
        Assert.True(proof.Verify(tree.Root));
    }

    [Theory]
    // Known-answer vectors: xmtp/xmtpd pkg/merkle/proof_test.go
    // TestGenerateSequentialProofBalancedSamples / TestGenerateSequentialProofUnbalancedSamples.
    [InlineData(2, 0, 1, "eeef536868dc2c030bec2d3602cc13fbe660bd5d63deca6a0a4dfd201eb941c0",
        "b8283b9a33ca222061b7d8d5f85170289c5c4a7f96997ce2ae5bafc94fc8a59b")]
    [InlineData(8, 1, 4, "00f8c0ad3c60c727ededce5717c8baa64047b5c3f29e409085df14dc3bfda1a7",
        "b7f40118daf8bbb92b1759e810c6eb4b0b92e04d1b7e4be48a147721ea457d87,06331c9b61be683c1819b2cd20c83f315499477f6253ae8d8bb02cbc6bd93c9f,c3d064e0f1ace0f92e6c822d5346de5330fb23a6c31a0c84a80d9d5c8543cc0e")]
    [InlineData(16, 9, 4, "31338b156e26447f0a3a965981b0be87957bf5606b44e0dcdc99eb4646048942",
        "194f8cb59bc03a6e9dfcc3566bed0a85a069f50de609f51af6c74dee673450d4,2642cf6153e4ddfd7ea9c1c99d86efe99c03d29bce0ce4adbf7c0162865aa93a,9d8799ecccbca75f60304876c8426007565302fdb72449fe980917d7847d43e7,1f70e7dd11a042e3868e8b0992118a3d7bd301b029a3b967a5b2042466c5110c")]
    [InlineData(1, 0, 1, "5b833bdf4f55e39d1838653841d4a2c651a71b5626b7936e1bedb5212cae96e3", "")]
    [InlineData(7, 4, 2, "38631dd8b5081555ec3c51cc8db7918ee90158fa33a70674c1399234d23908b2",
        "6b379ab3dd3b0b8df76cbe09e2a04f21ebf601f2932d3505ecfb89417f3de836,52bd35868bccc1b1f4c3ac67dd7e3b3db4a24f60436411162d633e6d1118de89")]
    [InlineData(13, 9, 4, "f92d4ca528834b0350cecd9307bec2dd97d0a6bbb58b077ab51cdad36fc5c087",
        "2642cf6153e4ddfd7ea9c1c99d86efe99c03d29bce0ce4adbf7c0162865aa93a,1f70e7dd11a042e3868e8b0992118a3d7bd301b029a3b967a5b2042466c5110c")]
    public void Tree_and_proof_match_xmtpd_known_answers(int leafCount, int start, int count, string rootHex, string decommitments)
    {
        var tree = PayerMerkleTree.FromLeaves(SampleLeaves.Take(leafCount).Select(Convert.FromHexString));
        Assert.Equal(rootHex, Convert.ToHexStringLower(tree.Root));

        var proof = tree.ProveSequential(start, count);
        string[] expected = [Convert.ToHexStringLower(MerkleHash.CountElement(leafCount)),
            .. decommitments.Split(',', StringSplitOptions.RemoveEmptyEntries)];
        Assert.Equal(expected, proof.ProofElements.Select(Convert.ToHexStringLower));
        Assert.Equal(SampleLeaves.Skip(start).Take(count), proof.Leaves.Select(Convert.ToHexStringLower));
        Assert.True(proof.Verify(tree.Root));
    }

    [Fact]
    public void Every_sequential_proof_verifies_on_trees_of_one_to_nine_leaves()
    {
        for (var leafCount = 1; leafCount <= 9; leafCount++)
        {
            var tree = PayerMerkleTree.FromLeaves(Enumerable.Range(0, leafCount).Select(i => Encoding.ASCII.GetBytes($"leaf-{i}")));
            for (var start = 0; start <= leafCount; start++)
            {
                for (var count = 0; start + count <= leafCount; count++)
                {
                    var proof = tree.ProveSequential(start, count);
                    Assert.True(proof.TryComputeRoot(out var root, out var error), $"{leafCount} leaves, [{start}, +{count}): {error}");
                    Assert.True(tree.Root.AsSpan().SequenceEqual(root), $"{leafCount} leaves, [{start}, +{count}): wrong root");
                    Assert.Equal(leafCount, proof.LeafCount);
                }
            }
        }
    }

    [Fact]
    public void Tampered_leaf_decommitment_or_count_fails_verification()
    {
        for (var leafCount = 1; leafCount <= 9; leafCount++)
        {
            var tree = PayerMerkleTree.FromLeaves(Enumerable.Range(0, leafCount).Select(i => Encoding.ASCII.GetBytes($"leaf-{i}")));
            for (var start = 0; start < leafCount; start++)
            {
                for (var count = 1; start + count <= leafCount; count++)
                {
                    var proof = tree.ProveSequential(start, count);
                    for (var i = 0; i < count; i++)
                    {
                        var leaves = proof.Leaves.ToArray();
                        leaves[i] = Encoding.ASCII.GetBytes("forged");
                        Assert.False((proof with { Leaves = leaves }).Verify(tree.Root), $"{leafCount}/{start}/{count}: tampered leaf {i} verified");
                    }

                    for (var e = 1; e < proof.ProofElements.Count; e++)
                    {
                        var elements = proof.ProofElements.ToArray();
                        elements[e] = Keccak256.Hash(elements[e]);
                        Assert.False((proof with { ProofElements = elements }).Verify(tree.Root), $"{leafCount}/{start}/{count}: tampered element {e} verified");
                    }

                    if (count < leafCount)
                    {
                        // The same leaves claimed at another offset in range.
                        var shifted = proof with { StartingIndex = (start + 1) % (leafCount - count + 1) };
                        Assert.False(shifted.Verify(tree.Root), $"{leafCount}/{start}/{count}: shifted offset verified");
                    }

                    var recounted = proof.ProofElements.ToArray();
                    recounted[0] = MerkleHash.CountElement(leafCount + 1);
                    Assert.False((proof with { ProofElements = recounted }).Verify(tree.Root));
                }
            }
        }
    }

    [Fact]
    public void Malformed_proofs_are_refused_with_a_reason()
    {
        var tree = PayerMerkleTree.FromLeaves(SampleLeaves.Take(5).Select(Convert.FromHexString));
        var proof = tree.ProveSequential(1, 2);
        Assert.False((proof with { ProofElements = [] }).TryComputeRoot(out _, out var noElements));
        Assert.Equal("no proofs provided", noElements);
        Assert.False((proof with { StartingIndex = 4 }).TryComputeRoot(out _, out var outOfBounds));
        Assert.Equal("indices out of bounds", outOfBounds);
        Assert.False((proof with { ProofElements = proof.ProofElements.Take(1).ToArray() }).TryComputeRoot(out _, out var short1));
        Assert.Equal("insufficient proof elements", short1);
        var badCount = new byte[32];
        badCount[0] = 1;
        Assert.False((proof with { ProofElements = [badCount, .. proof.ProofElements.Skip(1)] }).TryComputeRoot(out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ProveSequential(4, 2));
    }

    private static byte[] Count(int count) => MerkleHash.CountElement(count);

    private static byte[] K(ReadOnlySpan<byte> prefix, params byte[][] parts)
    {
        var all = new List<byte>(prefix.ToArray());
        foreach (var part in parts)
        {
            all.AddRange(part);
        }

        return Keccak256.Hash(all.ToArray());
    }
}
