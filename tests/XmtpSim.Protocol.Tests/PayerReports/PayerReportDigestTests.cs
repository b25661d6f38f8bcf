using System.Text;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.PayerReports;

namespace XmtpSim.Protocol.Tests.PayerReports;

public sealed class PayerReportDigestTests
{
    // Foundry's default test contract address and chain id. PayerReportManager.t.sol's setUp deploys the
    // implementation (test contract nonce 1) and then the proxy (nonce 2); the digests are computed by the proxy.
    private static readonly EthAddress FoundryTestContract = EthAddress.Parse("0x7FA9385bE102ac3EAc297483Dd6233D62b3e1496");
    private const ulong FoundryChainId = 31337;

    [Fact]
    public void Type_hash_is_the_contracts_PAYER_REPORT_TYPEHASH()
    {
        Assert.Equal("3737a2cced99bb28fc5aede45aa81d3ce0aa9137c5f417641835d0d71d303346",
            Convert.ToHexStringLower(PayerReportDigest.TypeHash));
    }

    [Fact]
    public void Domain_type_hash_is_the_contracts_EIP712_DOMAIN_HASH()
    {
        // xmtp/smart-contracts src/abstract/ERC712.sol _EIP712_DOMAIN_HASH.
        Assert.Equal("8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f",
            Convert.ToHexStringLower(PayerReportDigest.DomainTypeHash));
    }

    [Fact]
    public void Uint32_array_is_abi_encoded_with_offset_and_length_words()
    {
        var encoded = Abi.EncodeUInt32Array([100, 200]);
        var expected =
            "0000000000000000000000000000000000000000000000000000000000000020" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000064" +
            "00000000000000000000000000000000000000000000000000000000000000c8";
        Assert.Equal(expected, Convert.ToHexStringLower(encoded));
        Assert.Equal(64, Abi.EncodeUInt32Array([]).Length);
    }

    [Fact]
    public void Node_ids_are_sorted_before_hashing()
    {
        Assert.Equal(PayerReportDigest.NodeIdsHash([100, 200, 300]), PayerReportDigest.NodeIdsHash([300, 100, 200]));
        Assert.Equal(Keccak256.Hash(Abi.EncodeUInt32Array([100, 200, 300])), PayerReportDigest.NodeIdsHash([200, 300, 100]));
    }

    [Fact]
    public void Report_id_is_computed_by_hand_from_its_definition()
    {
        var domain = PayerReportDigest.DomainSeparator(8453, EthAddress.Parse("0x00000000000000000000000000000000000000aa"));

        // Independent computation: build every word by hand.
        var domainWords = Hex(
            "8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f"
            + Convert.ToHexStringLower(Keccak256.Hash(Encoding.ASCII.GetBytes("PayerReportManager")))
            + Convert.ToHexStringLower(Keccak256.Hash("1"u8))
            + "0000000000000000000000000000000000000000000000000000000000002105"
            + "00000000000000000000000000000000000000000000000000000000000000aa");
        Assert.Equal(Keccak256.Hash(domainWords), domain);

        var root = Keccak256.Hash("root"u8);
        var nodeIdsHash = Keccak256.Hash(Hex(
            "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000064"
            + "00000000000000000000000000000000000000000000000000000000000000c8"));
        var structWords = Hex(
            "3737a2cced99bb28fc5aede45aa81d3ce0aa9137c5f417641835d0d71d303346"
            + "0000000000000000000000000000000000000000000000000000000000000064" // originator 100
            + "0000000000000000000000000000000000000000000000000000000000000007" // start 7
            + "00000000000000000000000000000000000000000000000000000000000003e8" // end 1000
            + "0000000000000000000000000000000000000000000000000000000001c9c380" // minute 30000000
            + Convert.ToHexStringLower(root)
            + Convert.ToHexStringLower(nodeIdsHash));
        var expected = Keccak256.Hash([0x19, 0x01, .. domain, .. Keccak256.Hash(structWords)]);

        Assert.Equal(expected, PayerReportDigest.ReportId(domain, 100, 7, 1000, 30_000_000, root, [200, 100]));
    }

    [Theory]
    // Known-answer vectors: xmtp/smart-contracts test/unit/PayerReportManager.t.sol test_getPayerReportDigest
    // and test_getPayerReportDigest_sample1 (Foundry chain 31337, contract = the test's proxy).
    [InlineData(1u, 2ul, 3ul, 4u, "0000000000000000000000000000000000000000000000000000000000000005", "0,0,0,0,0,0", "dde54243da83f4b7c3fa535080f6cd0441fda0649edb15d95551f895a3529dfc")]
    [InlineData(10u, 20ul, 30ul, 40u, "0000000000000000000000000000000000000000000000000000000000000032", "60x0", "b70f0c64254571c8cc5f6a84339bae9a135744d1f8059a3908121c95b40529f7")]
    [InlineData(1u, 2ul, 3ul, 4u, "1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef", "100,200,300,400,500", "68e2a926d1e4309c70d546f976fc17eacc87d245862ad8a5d9c80b86e1dd4d61")]
    public void Report_id_matches_the_contracts_known_answers(uint originator, ulong start, ulong end, uint minute, string rootHex, string nodeIds, string expectedHex)
    {
        var ids = nodeIds == "60x0" ? new uint[60] : nodeIds.Split(',').Select(uint.Parse).ToArray();
        var proxy = CreateAddress(FoundryTestContract, 2);
        var domain = PayerReportDigest.DomainSeparator(FoundryChainId, proxy);
        var id = PayerReportDigest.ReportId(domain, originator, start, end, minute, Hex(rootHex), ids);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(id));
    }

    [Fact]
    public void Zero_domain_separator_is_refused_as_in_xmtpd()
    {
        Assert.Throws<ArgumentException>(() => PayerReportDigest.ReportId(new byte[32], 1, 0, 1, 1, new byte[32], [1]));
    }

    // CREATE address: keccak256(rlp([sender, nonce]))[12:], nonce < 128.
    private static EthAddress CreateAddress(EthAddress sender, byte nonce)
    {
        byte[] rlp = [0xd6, 0x94, .. sender.ToBytes(), nonce];
        return EthAddress.FromBytes(Keccak256.Hash(rlp).AsSpan(12));
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
