using Google.Protobuf;
using XmtpSim.Protocol.Crypto;

// The generated message class, extended: what its signer knows about the signature it made.
namespace XmtpSim.Protocol.Wire.Envelopes;

/// <summary>
/// A payer envelope made by <see cref="XmtpSim.Protocol.Envelopes.EnvelopeSigner"/> remembers who signed it, over
/// exactly which fields. Recovering a payer signature is a pure function of the scheme, the digest (target
/// originator and unsigned client envelope bytes) and the signature bytes, and the signer made that signature
/// from those inputs with its own key, so the recovery's answer is the signer's address. The node that receives
/// the envelope object (spec §5.4) takes that answer instead of hashing the client bytes and recovering again,
/// but only while every input is the very object or value the signature was made from: a changed target, a
/// replaced client envelope or signature (a tampered copy is another object), another scheme, a clone or an
/// envelope parsed from bytes all recover for real. Nothing here is serialized or cloned.
/// </summary>
public sealed partial class PayerEnvelope
{
    private SignedBy? _signedBy;

    /// <summary>Records that <paramref name="signer"/> signed the envelope's current fields under <paramref name="scheme"/>.</summary>
    internal void RecordSigner(ISignatureScheme scheme, EthAddress signer) =>
        _signedBy = new SignedBy(scheme, TargetOriginator, UnsignedClientEnvelope, PayerSignature.Bytes, signer);

    /// <summary>
    /// The address the payer signature recovers to under <paramref name="scheme"/>, when this envelope still holds
    /// exactly what its signer signed; otherwise false, and the caller recovers.
    /// </summary>
    internal bool TryKnownSigner(ISignatureScheme scheme, out EthAddress signer)
    {
        if (_signedBy is { } known
            && ReferenceEquals(known.Scheme, scheme)
            && known.Target == TargetOriginator
            && ReferenceEquals(known.Client, UnsignedClientEnvelope)
            && ReferenceEquals(known.Signature, PayerSignature?.Bytes))
        {
            signer = known.Signer;
            return true;
        }

        signer = default;
        return false;
    }

    private sealed record SignedBy(ISignatureScheme Scheme, uint Target, ByteString Client, ByteString Signature, EthAddress Signer);
}
