using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

public sealed class BouncyCastleSigningTests
{
    // Private key 1: its address is the well-known 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf.
    private const string KeyOne = "0000000000000000000000000000000000000000000000000000000000000001";

    [Fact]
    public void Private_key_one_derives_the_published_address()
    {
        var key = SigningKey.FromHex(KeyOne);
        Assert.Equal("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", key.Address.ToChecksumString());
    }

    [Fact]
    public void Published_hardhat_key_derives_its_address()
    {
        // Hardhat/Anvil default account #0.
        var key = SigningKey.FromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", key.Address.ToChecksumString());
    }

    [Fact]
    public void Signature_recovers_to_signer_and_has_low_s_and_v_zero_or_one()
    {
        var backend = BouncyCastleSecp256k1.Instance;
        var key = SigningKey.Derive("test", 7);
        var recovered = new byte[65];
        for (var i = 0; i < 20; i++)
        {
            var digest = Keccak256.Hash([(byte)i, 1, 2, 3]);
            var signature = backend.Sign(key.PrivateKey, digest);
            Assert.Equal(65, signature.Length);
            Assert.True(signature[64] <= 1);
            Assert.True(signature[32] < 0x80, "S must be in the lower half of the order");
            Assert.True(backend.TryRecover(digest, signature, recovered));
            Assert.Equal(key.PublicKey.ToArray(), recovered);
        }
    }

    [Fact]
    public void Signing_is_deterministic_rfc6979()
    {
        var backend = BouncyCastleSecp256k1.Instance;
        var key = SigningKey.Derive("test", 8);
        var digest = Keccak256.Hash("hello"u8);
        Assert.Equal(backend.Sign(key.PrivateKey, digest), backend.Sign(key.PrivateKey, digest));
    }

    [Fact]
    public void Recovery_of_a_different_digest_gives_a_different_key()
    {
        var backend = BouncyCastleSecp256k1.Instance;
        var key = SigningKey.Derive("test", 9);
        var signature = backend.Sign(key.PrivateKey, Keccak256.Hash("a"u8));
        Span<byte> recovered = stackalloc byte[65];
        var ok = backend.TryRecover(Keccak256.Hash("b"u8), signature, recovered);
        Assert.True(!ok || !recovered.SequenceEqual(key.PublicKey));
    }

    [Fact]
    public void Malformed_signatures_do_not_recover()
    {
        var backend = BouncyCastleSecp256k1.Instance;
        var digest = Keccak256.Hash("x"u8);
        Span<byte> recovered = stackalloc byte[65];
        Assert.False(backend.TryRecover(digest, new byte[65], recovered)); // r = s = 0
        Assert.False(backend.TryRecover(digest, new byte[64], recovered)); // wrong length
        var bad = backend.Sign(SigningKey.Derive("t", 1).PrivateKey, digest);
        bad[64] = 2;
        Assert.False(backend.TryRecover(digest, bad, recovered)); // V must be 0 or 1
    }
}
