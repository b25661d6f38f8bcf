using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// The <c>crypto: modeled</c> stand-in for secp256k1 (spec §16, DESIGN "Cryptography"): a keyed hash over the
/// exact protocol digest, so forgery, tampering and wrong-target replay are still detected, at a fraction of the
/// cost. A signature is 65 bytes, like a recoverable ECDSA signature:
/// <c>signer address (20) ‖ keccak256("xmtpsim-modeled|" ‖ private key ‖ digest) (32) ‖ 13 zero bytes</c>.
/// </summary>
/// <remarks>
/// "Recovery" reads the claimed address, looks its private key up among the keys the scheme was told about
/// (<see cref="Register"/>), recomputes the tag and succeeds only on an exact match. Unlike real recovery, a
/// signature checked against the wrong digest does not recover a different address: it fails. Every validator
/// that pins the expected signer refuses both outcomes alike. Signing works with any key, but only registered
/// signers can be verified, so a run registers every party's key before the first message.
/// Registration is thread-safe; lookups are lock-free reads.
/// </remarks>
public sealed class ModeledSignatureScheme : ISignatureScheme
{
    /// <summary>Signature size in bytes (the recoverable ECDSA size, so wire sizes do not change).</summary>
    public const int SignatureSize = 65;

    private const int TagOffset = EthAddress.Size;
    private const int PaddingOffset = TagOffset + Keccak256.HashSize;

    private static readonly byte[] Domain = "xmtpsim-modeled|"u8.ToArray();

    private readonly ConcurrentDictionary<EthAddress, byte[]> _keys = new();

    /// <inheritdoc />
    public string Name => "modeled";

    /// <summary>Signers known so far.</summary>
    public int Count => _keys.Count;

    /// <summary>Makes <paramref name="key"/>'s signatures verifiable. Registering the same key twice is harmless.</summary>
    public void Register(SigningKey key) => _keys[key.Address] = key.PrivateKey.ToArray();

    /// <inheritdoc />
    public byte[] Sign(SigningKey key, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != Keccak256.HashSize)
        {
            throw new ArgumentException($"a digest has {Keccak256.HashSize} bytes, got {digest.Length}", nameof(digest));
        }

        var signature = new byte[SignatureSize];
        key.Address.WriteTo(signature.AsSpan(0, EthAddress.Size));
        Tag(key.PrivateKey, digest, signature.AsSpan(TagOffset, Keccak256.HashSize));
        return signature;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only for a registered key: recovery succeeds for exactly those, and registration is never undone. A key's
    /// address is derived from its private key, so the address names the key.
    /// </remarks>
    public bool RemembersSigner(SigningKey key) => _keys.ContainsKey(key.Address);

    /// <inheritdoc />
    public bool TryRecoverAddress(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, out EthAddress address)
    {
        address = default;
        if (digest.Length != Keccak256.HashSize || signature.Length != SignatureSize || signature[PaddingOffset..].ContainsAnyExcept((byte)0))
        {
            return false;
        }

        var claimed = EthAddress.FromBytes(signature[..EthAddress.Size]);
        if (!_keys.TryGetValue(claimed, out var privateKey))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[Keccak256.HashSize];
        Tag(privateKey, digest, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature.Slice(TagOffset, Keccak256.HashSize)))
        {
            return false;
        }

        address = claimed;
        return true;
    }

    private static void Tag(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> digest, Span<byte> output)
    {
        var hash = default(Keccak256);
        hash.Append(Domain);
        hash.Append(privateKey);
        hash.Append(digest);
        hash.Finish(output);
    }
}
