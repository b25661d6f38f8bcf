using System.Buffers.Binary;
using System.Text;

namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// The exact signing digests of the protocol (spec §4). Every digest covers serialized bytes as they
/// were signed; callers must pass the original bytes, never a re-serialization.
/// </summary>
public static class Digests
{
    private static readonly byte[] TargetLabel = Encoding.ASCII.GetBytes("target|");
    private static readonly byte[] PayerLabel = Encoding.ASCII.GetBytes("payer|");
    private static readonly byte[] OriginatorLabel = Encoding.ASCII.GetBytes("originator|");
    private static readonly byte[] JwtLabel = Encoding.ASCII.GetBytes("jwt|");

    /// <summary>keccak256("target|" ‖ uint32_be(target) ‖ "payer|" ‖ unsigned_client_envelope).</summary>
    public static byte[] Payer(uint targetOriginator, ReadOnlySpan<byte> unsignedClientEnvelope)
    {
        Span<byte> target = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(target, targetOriginator);
        var hasher = default(Keccak256);
        hasher.Append(TargetLabel);
        hasher.Append(target);
        hasher.Append(PayerLabel);
        hasher.Append(unsignedClientEnvelope);
        return hasher.Finish();
    }

    /// <summary>keccak256("originator|" ‖ unsigned_originator_envelope).</summary>
    public static byte[] Originator(ReadOnlySpan<byte> unsignedOriginatorEnvelope)
    {
        var hasher = default(Keccak256);
        hasher.Append(OriginatorLabel);
        hasher.Append(unsignedOriginatorEnvelope);
        return hasher.Finish();
    }

    /// <summary>keccak256("jwt|" ‖ "&lt;base64url header&gt;.&lt;base64url payload&gt;") for ES256K node tokens.</summary>
    public static byte[] Jwt(string signingInput)
    {
        var hasher = default(Keccak256);
        hasher.Append(JwtLabel);
        hasher.Append(Encoding.ASCII.GetBytes(signingInput));
        return hasher.Finish();
    }
}
