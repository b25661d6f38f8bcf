using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

public sealed class ModeledSignatureSchemeTests
{
    private static readonly SigningKey Alice = SigningKey.Derive("alice", 1);
    private static readonly SigningKey Bob = SigningKey.Derive("bob", 1);

    private static ModeledSignatureScheme Scheme(params SigningKey[] keys)
    {
        var scheme = new ModeledSignatureScheme();
        foreach (var key in keys)
        {
            scheme.Register(key);
        }

        return scheme;
    }

    [Fact]
    public void Signature_has_the_documented_layout_and_round_trips()
    {
        var scheme = Scheme(Alice);
        var digest = Keccak256.Hash("hello"u8);
        var signature = scheme.Sign(Alice, digest);

        Assert.Equal(65, signature.Length);
        Assert.Equal(Alice.Address.ToBytes(), signature[..20]);
        var tagInput = "xmtpsim-modeled|"u8.ToArray().Concat(Alice.PrivateKey.ToArray()).Concat(digest).ToArray();
        Assert.Equal(Keccak256.Hash(tagInput), signature[20..52]);
        Assert.All(signature[52..], b => Assert.Equal(0, b));

        Assert.True(scheme.TryRecoverAddress(digest, signature, out var recovered));
        Assert.Equal(Alice.Address, recovered);
        Assert.Equal("modeled", scheme.Name);
    }

    [Fact]
    public void Signing_is_deterministic()
    {
        var digest = Keccak256.Hash([1, 2, 3]);
        Assert.Equal(Scheme().Sign(Alice, digest), Scheme().Sign(Alice, digest));
        Assert.NotEqual(Scheme().Sign(Alice, digest), Scheme().Sign(Bob, digest));
    }

    [Fact]
    public void Tampering_any_digest_byte_fails_recovery()
    {
        var scheme = Scheme(Alice);
        var digest = Keccak256.Hash("payload"u8);
        var signature = scheme.Sign(Alice, digest);
        for (var i = 0; i < digest.Length; i++)
        {
            var tampered = (byte[])digest.Clone();
            tampered[i] ^= 0x01;
            Assert.False(scheme.TryRecoverAddress(tampered, signature, out _), $"digest byte {i}");
        }
    }

    [Fact]
    public void Tampering_any_signature_byte_fails_recovery()
    {
        var scheme = Scheme(Alice, Bob);
        var digest = Keccak256.Hash("payload"u8);
        var signature = scheme.Sign(Alice, digest);
        for (var i = 0; i < signature.Length; i++)
        {
            var tampered = (byte[])signature.Clone();
            tampered[i] ^= 0x80;
            Assert.False(scheme.TryRecoverAddress(digest, tampered, out _), $"signature byte {i}");
        }
    }

    [Fact]
    public void Unknown_signer_fails_until_registered()
    {
        var scheme = Scheme(Alice);
        var digest = Keccak256.Hash("x"u8);
        var signature = scheme.Sign(Bob, digest);
        Assert.False(scheme.TryRecoverAddress(digest, signature, out _));

        scheme.Register(Bob);
        Assert.True(scheme.TryRecoverAddress(digest, signature, out var recovered));
        Assert.Equal(Bob.Address, recovered);
    }

    [Fact]
    public void A_signature_for_one_digest_does_not_recover_for_another()
    {
        var scheme = Scheme(Alice);
        var first = Keccak256.Hash("first"u8);
        var second = Keccak256.Hash("second"u8);
        Assert.False(scheme.TryRecoverAddress(second, scheme.Sign(Alice, first), out _));
    }

    [Fact]
    public void Claiming_another_registered_address_is_a_forgery_and_fails()
    {
        var scheme = Scheme(Alice, Bob);
        var digest = Keccak256.Hash("x"u8);
        var forged = scheme.Sign(Bob, digest);
        Alice.Address.WriteTo(forged.AsSpan(0, 20));
        Assert.False(scheme.TryRecoverAddress(digest, forged, out _));
    }

    [Fact]
    public void Wrong_lengths_fail_or_throw()
    {
        var scheme = Scheme(Alice);
        var digest = Keccak256.Hash("x"u8);
        var signature = scheme.Sign(Alice, digest);
        Assert.False(scheme.TryRecoverAddress(digest, signature.AsSpan(0, 64), out _));
        Assert.False(scheme.TryRecoverAddress(digest.AsSpan(0, 31), signature, out _));
        Assert.Throws<ArgumentException>(() => scheme.Sign(Alice, digest.AsSpan(0, 31).ToArray()));
    }

    [Fact]
    public void Concurrent_recovery_after_registration_is_consistent()
    {
        var keys = Enumerable.Range(0, 8).Select(i => SigningKey.Derive($"k{i}", 3)).ToArray();
        var scheme = Scheme(keys);
        var digests = Enumerable.Range(0, 64).Select(i => Keccak256.Hash([(byte)i])).ToArray();
        var signatures = digests.Select((d, i) => scheme.Sign(keys[i % keys.Length], d)).ToArray();
        var failures = 0;
        Parallel.For(0, 4096, i =>
        {
            var j = i % digests.Length;
            if (!scheme.TryRecoverAddress(digests[j], signatures[j], out var address) || address != keys[j % keys.Length].Address)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }
}
