using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

public sealed class RecoveryCacheTests
{
    private static readonly SigningKey Alice = SigningKey.Derive("alice", 1);
    private static readonly SigningKey Bob = SigningKey.Derive("bob", 1);

    // Signs without a cache, so that the cached scheme under test has never seen the signature.
    private static readonly RealSignatureScheme Signer = new(BouncyCastleSecp256k1.Instance);

    private static RealSignatureScheme Scheme(int capacity) =>
        new(BouncyCastleSecp256k1.Instance, new RecoveryCache(capacity));

    [Fact]
    public void A_repeated_recovery_is_answered_from_the_cache_with_the_same_signer()
    {
        var scheme = Scheme(64);
        var digest = Keccak256.Hash("hello"u8);
        var signature = Signer.Sign(Alice, digest);

        Assert.True(scheme.TryRecoverAddress(digest, signature, out var first));
        Assert.True(scheme.TryRecoverAddress(digest, signature, out var second));

        Assert.Equal(Alice.Address, first);
        Assert.Equal(Alice.Address, second);
        Assert.Equal(1, scheme.Cache!.Misses);
        Assert.Equal(1, scheme.Cache.Hits);
    }

    [Fact]
    public void A_tampered_digest_or_signature_is_recovered_for_real_and_never_yields_the_cached_signer()
    {
        var scheme = Scheme(64);
        var digest = Keccak256.Hash("hello"u8);
        var signature = Signer.Sign(Alice, digest);
        Assert.True(scheme.TryRecoverAddress(digest, signature, out _));

        var otherDigest = (byte[])digest.Clone();
        otherDigest[31] ^= 1;
        var tamperedSignature = (byte[])signature.Clone();
        tamperedSignature[10] ^= 1;
        var badRecoveryId = (byte[])signature.Clone();
        badRecoveryId[64] = 9;

        var viaOtherDigest = scheme.TryRecoverAddress(otherDigest, signature, out var fromOtherDigest);
        var viaTampered = scheme.TryRecoverAddress(digest, tamperedSignature, out var fromTampered);
        Assert.False(scheme.TryRecoverAddress(digest, badRecoveryId, out _));

        Assert.False(viaOtherDigest && fromOtherDigest == Alice.Address);
        Assert.False(viaTampered && fromTampered == Alice.Address);
        Assert.Equal(4, scheme.Cache!.Misses);

        // The refusal is cached as a refusal.
        Assert.False(scheme.TryRecoverAddress(digest, badRecoveryId, out _));
        Assert.Equal(1, scheme.Cache.Hits);
    }

    [Fact]
    public void A_signature_the_scheme_made_is_remembered_and_only_its_exact_bytes_are_answered_from_memory()
    {
        var scheme = Scheme(64);
        var digest = Keccak256.Hash("hello"u8);
        var signature = scheme.Sign(Alice, digest);
        Assert.Equal(Signer.Sign(Alice, digest), signature);

        Assert.True(scheme.TryRecoverAddress(digest, signature, out var remembered));
        Assert.Equal(Alice.Address, remembered);
        Assert.Equal(1, scheme.Cache!.Hits);
        Assert.Equal(0, scheme.Cache.Misses);

        // Anything but those bytes is recovered for real: another digest under the same signature is not Alice's.
        var otherDigest = (byte[])digest.Clone();
        otherDigest[0] ^= 1;
        var viaOtherDigest = scheme.TryRecoverAddress(otherDigest, signature, out var fromOtherDigest);
        Assert.False(viaOtherDigest && fromOtherDigest == Alice.Address);
        Assert.Equal(1, scheme.Cache.Misses);
    }

    [Fact]
    public void Answers_match_the_uncached_scheme_across_evictions()
    {
        var cached = Scheme(4);
        var plain = new RealSignatureScheme(BouncyCastleSecp256k1.Instance);
        var signatures = Enumerable.Range(0, 10)
            .Select(i => Keccak256.Hash(BitConverter.GetBytes(i)))
            .Select((digest, i) => (digest, signature: plain.Sign(i % 2 == 0 ? Alice : Bob, digest)))
            .ToList();

        for (var round = 0; round < 3; round++)
        {
            foreach (var (digest, signature) in signatures)
            {
                Assert.Equal(plain.TryRecoverAddress(digest, signature, out var expected), cached.TryRecoverAddress(digest, signature, out var actual));
                Assert.Equal(expected, actual);
            }
        }

        // Ten distinct keys cycling through a cache of four: every lookup misses, and memory stays bounded.
        Assert.Equal(30, cached.Cache!.Misses);
        Assert.Equal(0, cached.Cache.Hits);
    }

    [Fact]
    public void Inputs_of_unusual_length_bypass_the_cache()
    {
        var scheme = Scheme(64);
        var digest = Keccak256.Hash("hello"u8);
        var signature = scheme.Sign(Alice, digest);

        Assert.False(scheme.TryRecoverAddress(digest, signature.AsSpan(0, 64), out _));
        Assert.False(scheme.TryRecoverAddress(digest.AsSpan(0, 31), signature, out _));
        Assert.Equal(0, scheme.Cache!.Misses + scheme.Cache.Hits);
    }
}
