using Google.Protobuf;
using XmtpSim.Engine;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Actors.Messages;

/// <summary>Client → gateway: <c>GatewayApi.PublishClientEnvelopes</c>.</summary>
public sealed record PublishClientEnvelopes(long RequestId, IReadOnlyList<ClientEnvelope> Envelopes) : IWireMessage
{
    /// <inheritdoc />
    public int WireBytes { get; } = Wire.Size(Envelopes);
}

/// <summary>Gateway → client: one outcome per request envelope, index-aligned.</summary>
public sealed record PublishClientEnvelopesResult(long RequestId, IReadOnlyList<PublishOutcome> Outcomes) : IWireMessage
{
    /// <inheritdoc />
    public int WireBytes { get; } = Wire.FrameOverhead + Outcomes.Sum(o => (o.Envelope?.RawLength ?? 32) + Wire.ItemOverhead);
}

/// <summary>The originator envelope for a published client envelope, or why it failed.</summary>
public sealed record PublishOutcome(ParsedOriginatorEnvelope? Envelope, string? Error);

/// <summary>Gateway → node: <c>PublishApi.PublishPayerEnvelopes</c> (one payer per call).</summary>
public sealed record PublishPayerEnvelopes(long RequestId, IReadOnlyList<PayerEnvelope> Envelopes) : IWireMessage
{
    /// <summary>The payer envelopes; reading them first waits for any of their signatures still being made (<see cref="Signing"/>).</summary>
    public IReadOnlyList<PayerEnvelope> Envelopes
    {
        get
        {
            if (Signing is { } signing)
            {
                foreach (var signature in signing)
                {
                    signature.Wait();
                }
            }

            return field;
        }
        init;
    } = Envelopes;

    /// <summary>Payer signatures a lane is still making into <see cref="Envelopes"/>, or null if all are made.</summary>
    public IReadOnlyList<PendingSignature>? Signing { get; init; }

    /// <inheritdoc />
    public int WireBytes { get; } = Wire.Size(Envelopes); // the constructor's list: sizes need no signature bytes, only their length
}

/// <summary>Node → gateway: the originator envelopes in request order, or a gRPC error.</summary>
/// <param name="ErrorCode">Null on success; a gRPC status name (InvalidArgument, FailedPrecondition, Unavailable) otherwise.</param>
public sealed record PublishPayerEnvelopesResult(long RequestId, IReadOnlyList<ParsedOriginatorEnvelope> Envelopes, string? ErrorCode, string? Error) : IWireMessage
{
    /// <inheritdoc />
    public int WireBytes { get; } = Wire.SizeOf(Envelopes);
}

/// <summary>Gateway → app chain: a broadcaster transaction (<c>addMessage</c> or <c>addIdentityUpdate</c>).</summary>
/// <param name="Broadcaster">0 = GroupMessageBroadcaster, 1 = IdentityUpdateBroadcaster.</param>
/// <param name="Key">bytes16 group id or bytes32 inbox id.</param>
/// <param name="Payload">The serialized ClientEnvelope.</param>
public sealed record SubmitChainTransaction(long RequestId, uint Broadcaster, ByteString Key, ByteString Payload) : IWireMessage
{
    /// <inheritdoc />
    public int WireBytes { get; } = Wire.FrameOverhead + Key.Length + Payload.Length + 200; // + signature, nonce, gas fields
}

/// <summary>App chain → gateway: the receipt, with the event's sequence id and the transaction hash.</summary>
public sealed record ChainReceipt(long RequestId, bool Success, ulong SequenceId, ByteString TxHash, long Block, string? Error) : IWireMessage
{
    /// <inheritdoc />
    public int WireBytes => Wire.FrameOverhead + 200;
}

