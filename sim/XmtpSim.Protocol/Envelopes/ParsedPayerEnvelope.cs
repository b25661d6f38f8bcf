using Google.Protobuf;
using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>A decoded PayerEnvelope with its signed client-envelope bytes and the recovered payer.</summary>
public sealed class ParsedPayerEnvelope
{
    internal ParsedPayerEnvelope(
        ByteString raw, uint targetOriginator, uint retentionDays, ByteString? signature, EthAddress? payer, ParsedClientEnvelope client)
    {
        Raw = raw;
        TargetOriginator = targetOriginator;
        RetentionDays = retentionDays;
        Signature = signature;
        PayerAddress = payer;
        Client = client;
    }

    /// <summary>The serialized PayerEnvelope, exactly as received (payer_envelope_bytes).</summary>
    public ByteString Raw { get; }

    /// <summary>unsigned_client_envelope: the bytes the payer signature covers.</summary>
    public ByteString UnsignedClientEnvelope => Client.Raw;

    /// <summary>Node ID bound into the payer signature.</summary>
    public uint TargetOriginator { get; }

    /// <summary>message_retention_days (0 on blockchain-originated envelopes).</summary>
    public uint RetentionDays { get; }

    /// <summary>The 65-byte payer signature; null on blockchain-originated envelopes.</summary>
    public ByteString? Signature { get; }

    /// <summary>The address the payer signature recovers to (over this envelope's own target); null if unsigned.</summary>
    public EthAddress? PayerAddress { get; }

    /// <summary>The decoded client envelope.</summary>
    public ParsedClientEnvelope Client { get; }

    /// <summary>
    /// The scheme and topic rule under which these bytes were decoded and their signature (if any) recovered, as a
    /// valid verdict; null when the envelope was decoded from bytes checked earlier, without recovering anything.
    /// </summary>
    internal ReplicaVerdict? DecodedUnder { get; init; }
}
