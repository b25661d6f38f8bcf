using CsCheck;
using Org.BouncyCastle.Math;
using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

public sealed class LibSecp256k1Tests
{
    private static readonly BigInteger N = new("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    private static readonly BouncyCastleSecp256k1 Managed = BouncyCastleSecp256k1.Instance;

    private static readonly Gen<byte[]> PrivateKeys = Gen.Byte.Array[32].Where(k =>
    {
        var d = new BigInteger(1, k);
        return d.SignValue > 0 && d.CompareTo(N) < 0;
    });

    private static readonly Gen<byte[]> Digests32 = Gen.Byte.Array[32];

    [NativeFact]
    public void Backends_agree_on_public_keys_signatures_and_recoveries_for_random_keys_and_digests()
    {
        var native = NativeFactAttribute.RequireNative();
        Gen.Select(PrivateKeys, Digests32).Sample((key, digest) => AssertAgree(native, key, digest), iter: 300);
    }

    [NativeFact]
    public void Backends_agree_for_seeded_derived_keys()
    {
        var native = NativeFactAttribute.RequireNative();
        for (ulong seed = 0; seed < 200; seed++)
        {
            var key = SigningKey.Derive("agree", seed).PrivateKey.ToArray();
            var digest = Keccak256.Hash(BitConverter.GetBytes(seed * 7919));
            AssertAgree(native, key, digest);
        }
    }

    [NativeFact]
    public void Backends_agree_on_edge_digests_and_keys()
    {
        var native = NativeFactAttribute.RequireNative();
        var nBytes = ToBytes32(N);
        var nMinusOne = ToBytes32(N.Subtract(BigInteger.One));
        byte[][] digests = [new byte[32], Enumerable.Repeat((byte)0xFF, 32).ToArray(), nBytes, nMinusOne, ToBytes32(N.Add(BigInteger.One))];
        byte[][] keys = [ToBytes32(BigInteger.One), nMinusOne, ToBytes32(BigInteger.Two)];
        foreach (var key in keys)
        {
            foreach (var digest in digests)
            {
                AssertAgree(native, key, digest);
            }
        }
    }

    [NativeFact]
    public void Backends_reject_the_same_private_keys()
    {
        var native = NativeFactAttribute.RequireNative();
        byte[][] invalid = [new byte[32], ToBytes32(N), Enumerable.Repeat((byte)0xFF, 32).ToArray(), new byte[31], new byte[33]];
        var digest = new byte[32];
        foreach (var key in invalid)
        {
            Assert.Throws<ArgumentException>(() => Managed.GetPublicKey(key));
            Assert.Throws<ArgumentException>(() => native.GetPublicKey(key));
            Assert.Throws<ArgumentException>(() => Managed.Sign(key, digest));
            Assert.Throws<ArgumentException>(() => native.Sign(key, digest));
        }

        var good = ToBytes32(BigInteger.One);
        Assert.Throws<ArgumentException>(() => native.Sign(good, new byte[31]));
        Assert.Throws<ArgumentException>(() => Managed.Sign(good, new byte[31]));
    }

    [NativeFact]
    public void Backends_accept_and_reject_the_same_malformed_signatures()
    {
        var native = NativeFactAttribute.RequireNative();
        var digest = Keccak256.Hash("malformed"u8);
        var valid = Managed.Sign(SigningKey.Derive("m", 1).PrivateKey, digest);
        var r = valid[..32];
        var s = valid[32..64];
        var nBytes = ToBytes32(N);
        var nPlusOne = ToBytes32(N.Add(BigInteger.One));
        var max = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        var zero = new byte[32];
        var highS = ToBytes32(N.Subtract(new BigInteger(1, s)));

        var cases = new List<(string Name, byte[] Signature, byte[] Digest, int KeyBuffer)>
        {
            ("valid", valid, digest, 65),
            ("r = 0", Concat(zero, s, valid[64]), digest, 65),
            ("s = 0", Concat(r, zero, valid[64]), digest, 65),
            ("r = s = 0", new byte[65], digest, 65),
            ("r = n", Concat(nBytes, s, valid[64]), digest, 65),
            ("s = n", Concat(r, nBytes, valid[64]), digest, 65),
            ("r = n + 1", Concat(nPlusOne, s, valid[64]), digest, 65),
            ("s = n + 1", Concat(r, nPlusOne, valid[64]), digest, 65),
            ("r = 2^256 - 1", Concat(max, s, valid[64]), digest, 65),
            ("s = 2^256 - 1", Concat(r, max, valid[64]), digest, 65),
            ("high s, flipped v", Concat(r, highS, (byte)(valid[64] ^ 1)), digest, 65),
            ("high s, same v", Concat(r, highS, valid[64]), digest, 65),
            ("flipped v", Concat(r, s, (byte)(valid[64] ^ 1)), digest, 65),
            ("v = 2", Concat(r, s, 2), digest, 65),
            ("v = 3", Concat(r, s, 3), digest, 65),
            ("v = 27", Concat(r, s, 27), digest, 65),
            ("v = 28", Concat(r, s, 28), digest, 65),
            ("v = 255", Concat(r, s, 255), digest, 65),
            ("64 bytes", valid[..64], digest, 65),
            ("66 bytes", [.. valid, 0], digest, 65),
            ("empty", [], digest, 65),
            ("digest 31 bytes", valid, digest[..31], 65),
            ("digest 33 bytes", valid, [.. digest, 0], 65),
            ("key buffer 64 bytes", valid, digest, 64),
            ("zero digest", valid, new byte[32], 65),
        };

        // Small r values: some are x-coordinates of curve points, some are not.
        for (var x = 1; x <= 24; x++)
        {
            var rSmall = new byte[32];
            rSmall[31] = (byte)x;
            cases.Add(($"r = {x}, v = 0", Concat(rSmall, s, 0), digest, 65));
            cases.Add(($"r = {x}, v = 1", Concat(rSmall, s, 1), digest, 65));
        }

        var garbage = new Random(1234);
        for (var i = 0; i < 40; i++)
        {
            var bytes = new byte[65];
            garbage.NextBytes(bytes);
            bytes[64] &= 1;
            cases.Add(($"random #{i}", bytes, digest, 65));
        }

        var rejected = 0;
        foreach (var (name, signature, caseDigest, keyBuffer) in cases)
        {
            var managedKey = new byte[keyBuffer];
            var nativeKey = new byte[keyBuffer];
            var managedOk = Managed.TryRecover(caseDigest, signature, managedKey);
            var nativeOk = native.TryRecover(caseDigest, signature, nativeKey);
            Assert.True(managedOk == nativeOk, $"{name}: bouncycastle {managedOk}, libsecp256k1 {nativeOk}");
            if (managedOk)
            {
                Assert.True(managedKey.AsSpan().SequenceEqual(nativeKey), $"{name}: recovered keys differ");
            }
            else
            {
                rejected++;
            }
        }

        Assert.True(rejected > 20, "the malformed cases should mostly be rejected");
    }

    [Fact]
    public void Backend_registry_resolves_names()
    {
        Assert.Same(BouncyCastleSecp256k1.Instance, Secp256k1Backends.ByName("bouncycastle"));
        Assert.Same(BouncyCastleSecp256k1.Instance, Secp256k1Backends.ByName("BouncyCastle"));
        Assert.Throws<ArgumentException>(() => Secp256k1Backends.ByName("openssl"));
        if (Secp256k1Backends.Native is { } native)
        {
            Assert.Same(native, Secp256k1Backends.ByName("libsecp256k1"));
            Assert.Same(native, Secp256k1Backends.Default);
            Assert.Equal("libsecp256k1", native.Name);
        }
        else
        {
            Assert.Same(BouncyCastleSecp256k1.Instance, Secp256k1Backends.Default);
            Assert.Throws<InvalidOperationException>(() => Secp256k1Backends.ByName("libsecp256k1"));
        }
    }

    [NativeFact]
    public void Native_backend_derives_the_published_address_of_key_one()
    {
        var native = NativeFactAttribute.RequireNative();
        var key = SigningKey.FromPrivateKey(ToBytes32(BigInteger.One), native);
        Assert.Equal("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", key.Address.ToChecksumString());
    }

    [NativeFact]
    public void Native_backend_is_safe_to_share_between_threads()
    {
        var native = NativeFactAttribute.RequireNative();
        Parallel.For(0, 64, i =>
        {
            var key = SigningKey.Derive("threads", (ulong)i).PrivateKey.ToArray();
            var digest = Keccak256.Hash(BitConverter.GetBytes(i));
            var signature = native.Sign(key, digest);
            Assert.Equal(Managed.Sign(key, digest), signature);
            var recovered = new byte[65];
            Assert.True(native.TryRecover(digest, signature, recovered));
            Assert.Equal(native.GetPublicKey(key), recovered);
        });
    }

    private static void AssertAgree(LibSecp256k1 native, byte[] key, byte[] digest)
    {
        var publicKey = Managed.GetPublicKey(key);
        Assert.Equal(publicKey, native.GetPublicKey(key));
        var signature = Managed.Sign(key, digest);
        Assert.Equal(signature, native.Sign(key, digest));
        var fromManaged = new byte[65];
        var fromNative = new byte[65];
        Assert.True(Managed.TryRecover(digest, signature, fromManaged));
        Assert.True(native.TryRecover(digest, signature, fromNative));
        Assert.Equal(publicKey, fromManaged);
        Assert.Equal(publicKey, fromNative);
    }

    private static byte[] Concat(byte[] r, byte[] s, byte v) => [.. r, .. s, v];

    private static byte[] ToBytes32(BigInteger value)
    {
        var raw = value.ToByteArrayUnsigned();
        var bytes = new byte[32];
        raw.CopyTo(bytes, 32 - raw.Length);
        return bytes;
    }
}
