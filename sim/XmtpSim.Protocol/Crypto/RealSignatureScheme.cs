namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// Real secp256k1 recoverable signatures through one backend, optionally with a <see cref="RecoveryCache"/> in
/// front of recovery (the answer is the same; only repeated arithmetic on identical bytes is skipped).
/// </summary>
public sealed class RealSignatureScheme : ISignatureScheme
{
    private readonly RecoveryCache.Recover _recover;

    /// <summary>A scheme over <paramref name="backend"/>, with <paramref name="cache"/> in front of recovery if given.</summary>
    public RealSignatureScheme(ISecp256k1 backend, RecoveryCache? cache = null)
    {
        Backend = backend;
        Cache = cache;
        _recover = Recover;
    }

    /// <summary>The backend doing the curve arithmetic.</summary>
    public ISecp256k1 Backend { get; }

    /// <summary>The recovery cache, if any.</summary>
    public RecoveryCache? Cache { get; }

    /// <inheritdoc />
    public string Name => "secp256k1/" + Backend.Name;

    /// <inheritdoc />
    public byte[] Sign(SigningKey key, ReadOnlySpan<byte> digest)
    {
        var signature = Backend.Sign(key.PrivateKey, digest);
        Cache?.Remember(digest, signature, key.Address);
        return signature;
    }

    /// <inheritdoc />
    /// <remarks>Only with a cache: without one, every verifier does the curve arithmetic.</remarks>
    public bool RemembersSigner(SigningKey key) => Cache is not null;

    /// <inheritdoc />
    public bool TryRecoverAddress(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, out EthAddress address) =>
        Cache is null ? Recover(digest, signature, out address) : Cache.TryRecover(digest, signature, _recover, out address);

    private bool Recover(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, out EthAddress address)
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
