using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// secp256k1 on BouncyCastle's custom-curve arithmetic (GLV endomorphism, fixed-point comb for k·G).
/// Always available. Signing follows libsecp256k1 exactly: RFC 6979 nonce with HMAC-SHA256, low-S
/// normalisation flipping the recovery id, so both backends emit the same bytes.
/// </summary>
public sealed class BouncyCastleSecp256k1 : ISecp256k1
{
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BigInteger N = Curve.N;
    private static readonly BigInteger HalfN = Curve.N.ShiftRight(1);
    private static readonly ECPoint G = Curve.G;
    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    /// <summary>Shared instance (the type is stateless and thread-safe).</summary>
    public static BouncyCastleSecp256k1 Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "bouncycastle";

    /// <inheritdoc />
    public byte[] GetPublicKey(ReadOnlySpan<byte> privateKey)
    {
        var d = ToScalar(privateKey);
        return BaseMultiplier.Multiply(G, d).Normalize().GetEncoded(false);
    }

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> digest)
    {
        RequireDigest(digest);
        var d = ToScalar(privateKey);
        var digestArray = digest.ToArray();
        var e = new BigInteger(1, digestArray);
        var nonces = new HMacDsaKCalculator(new Sha256Digest());
        nonces.Init(N, d, digestArray);
        while (true)
        {
            var k = nonces.NextK();
            var point = BaseMultiplier.Multiply(G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(N);
            if (r.SignValue == 0)
            {
                continue;
            }

            var s = k.ModInverse(N).Multiply(e.Add(d.Multiply(r))).Mod(N);
            if (s.SignValue == 0)
            {
                continue;
            }

            var recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(N) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                s = N.Subtract(s);
                recoveryId ^= 1;
            }

            var signature = new byte[65];
            r.ToByteArrayUnsigned().CopyTo(signature.AsSpan(32 - r.ToByteArrayUnsigned().Length));
            var sBytes = s.ToByteArrayUnsigned();
            sBytes.CopyTo(signature.AsSpan(64 - sBytes.Length));
            signature[64] = (byte)recoveryId;
            return signature;
        }
    }

    /// <inheritdoc />
    public bool TryRecover(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, Span<byte> publicKey)
    {
        if (digest.Length != 32 || signature.Length != 65 || publicKey.Length < 65 || signature[64] > 1)
        {
            return false;
        }

        var r = new BigInteger(1, signature[..32]);
        var s = new BigInteger(1, signature[32..64]);
        if (r.SignValue == 0 || s.SignValue == 0 || r.CompareTo(N) >= 0 || s.CompareTo(N) >= 0)
        {
            return false;
        }

        // V ∈ {0, 1}: R.x = r (the r + n case, recovery ids 2 and 3, never occurs in Ethereum signatures).
        Span<byte> compressed = stackalloc byte[33];
        compressed[0] = (byte)(0x02 | signature[64]);
        signature[..32].CopyTo(compressed[1..]);
        ECPoint rPoint;
        try
        {
            rPoint = Curve.Curve.DecodePoint(compressed.ToArray());
        }
        catch (ArgumentException)
        {
            return false; // r is not the x-coordinate of a curve point
        }

        var e = new BigInteger(1, digest);
        var rInverse = r.ModInverse(N);
        var u1 = N.Subtract(e).Multiply(rInverse).Mod(N);
        var u2 = s.Multiply(rInverse).Mod(N);
        var q = ECAlgorithms.SumOfTwoMultiplies(G, u1, rPoint, u2).Normalize();
        if (q.IsInfinity)
        {
            return false;
        }

        q.GetEncoded(false).CopyTo(publicKey);
        return true;
    }

    private static BigInteger ToScalar(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32)
        {
            throw new ArgumentException("a secp256k1 private key has 32 bytes", nameof(privateKey));
        }

        var d = new BigInteger(1, privateKey);
        if (d.SignValue == 0 || d.CompareTo(N) >= 0)
        {
            throw new ArgumentException("private key is out of range [1, n)", nameof(privateKey));
        }

        return d;
    }

    private static void RequireDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException("a digest has 32 bytes", nameof(digest));
        }
    }
}
