using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Envelopes;

/// <summary>Counts the recoveries asked of the scheme it wraps; signs, and remembers signers, exactly as that scheme does.</summary>
internal sealed class CountingScheme(ISignatureScheme inner) : ISignatureScheme
{
    public int Recoveries { get; private set; }

    public string Name => inner.Name;

    public byte[] Sign(SigningKey key, ReadOnlySpan<byte> digest) => inner.Sign(key, digest);

    public bool RemembersSigner(SigningKey key) => inner.RemembersSigner(key);

    public bool TryRecoverAddress(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, out EthAddress address)
    {
        Recoveries++;
        return inner.TryRecoverAddress(digest, signature, out address);
    }
}
