namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// How envelopes are signed and signers identified. <see cref="RealSignatureScheme"/> is secp256k1;
/// a modeled scheme (keyed hash over the same digest inputs) can stand in for very large simulations.
/// Digest inputs are always the exact ones of the protocol (<see cref="Digests"/>).
/// </summary>
public interface ISignatureScheme
{
    /// <summary>Scheme name for reports ("secp256k1/bouncycastle", "modeled").</summary>
    string Name { get; }

    /// <summary>Signs a 32-byte digest: 65 bytes.</summary>
    byte[] Sign(SigningKey key, ReadOnlySpan<byte> digest);

    /// <summary>Recovers the signer's address; false if the signature is malformed or invalid.</summary>
    bool TryRecoverAddress(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, out EthAddress address);

    /// <summary>
    /// True when every signature this scheme makes with <paramref name="key"/> recovers to the key's address, and the
    /// scheme lets its verifiers take that answer from the signer instead of recovering the same bytes again (as
    /// <see cref="RecoveryCache.Remember"/> does). False (the default) makes every verifier recover.
    /// </summary>
    bool RemembersSigner(SigningKey key) => false;
}
