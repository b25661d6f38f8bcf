namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// Raw secp256k1 recoverable ECDSA over a 32-byte digest, as go-ethereum's <c>crypto.Sign</c> does it:
/// RFC 6979 deterministic nonces, low-S, 65-byte <c>R(32) ‖ S(32) ‖ V(1)</c> with V = 0 or 1.
/// Every backend must produce byte-identical signatures and recoveries.
/// </summary>
public interface ISecp256k1
{
    /// <summary>Backend name for reports and benchmarks ("bouncycastle", "libsecp256k1").</summary>
    string Name { get; }

    /// <summary>The 65-byte uncompressed public key (0x04 ‖ X ‖ Y) of a 32-byte private key.</summary>
    byte[] GetPublicKey(ReadOnlySpan<byte> privateKey);

    /// <summary>Signs a 32-byte digest; returns R ‖ S ‖ V (65 bytes, V ∈ {0, 1}).</summary>
    byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> digest);

    /// <summary>
    /// Recovers the 65-byte uncompressed public key that produced <paramref name="signature"/> over
    /// <paramref name="digest"/>. Returns false for a malformed or unrecoverable signature.
    /// </summary>
    bool TryRecover(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, Span<byte> publicKey);
}
