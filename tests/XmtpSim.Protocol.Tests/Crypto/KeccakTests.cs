using System.Text;
using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

public sealed class KeccakTests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Keccak256_matches_known_answers(string input, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Keccak256.Hash(Encoding.ASCII.GetBytes(input))));
    }

    [Fact]
    public void Keccak256_is_not_nist_sha3()
    {
        // SHA3-256("") = a7ffc6f8...; Ethereum's Keccak differs only in padding.
        Assert.NotEqual("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a",
            Convert.ToHexStringLower(Keccak256.Hash([])));
    }

    [Fact]
    public void Incremental_hashing_equals_one_shot_for_every_split_across_block_boundaries()
    {
        var data = new byte[500];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i * 7 + 3);
        }

        var expected = Keccak256.Hash(data);
        foreach (var split in new[] { 0, 1, 135, 136, 137, 271, 272, 273, 499, 500 })
        {
            var hasher = default(Keccak256);
            hasher.Append(data.AsSpan(0, split));
            hasher.Append(data.AsSpan(split));
            Assert.Equal(expected, hasher.Finish());
        }
    }

    [Fact]
    public void Keccak256_agrees_with_bouncycastle_for_many_lengths()
    {
        for (var length = 0; length < 600; length += 17)
        {
            var data = Enumerable.Range(0, length).Select(i => (byte)(i ^ length)).ToArray();
            var reference = new Org.BouncyCastle.Crypto.Digests.KeccakDigest(256);
            reference.BlockUpdate(data, 0, data.Length);
            var expected = new byte[32];
            reference.DoFinal(expected, 0);
            Assert.Equal(expected, Keccak256.Hash(data));
        }
    }
}
