namespace XmtpSim.Protocol.Crypto;

/// <summary>Real secp256k1 recoverable signatures through one backend.</summary>
public sealed class RealSignatureScheme(ISecp256k1 backend) : ISignatureScheme
{
    /// <summary>The backend doing the curve arithmetic.</summary>
    public ISecp256k1 Backend { get; } = backend;

    /// <inheritdoc />
    public string Name => "secp256k1/" + Backend.Name;

    /// <inheritdoc />
    public byte[] Sign(SigningKey key, ReadOnlySpan<byte> digest) => Backend.Sign(key.PrivateKey, digest);

    /// <inheritdoc />
    public bool TryRecoverAddress(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, out EthAddress address)
    {
        Span<byte> publicKey = stackalloc byte[65];
        if (!Backend.TryRecover(digest, signature, publicKey))
        {
            address = default;
            return false;
        }

        address = EthAddress.FromPublicKey(publicKey);
        return true;
    }
}
