using Grpc.Core;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>A refused envelope: the specific code and a message naming the rule and the values involved.</summary>
public sealed record EnvelopeError(EnvelopeErrorCode Code, string Message)
{
    /// <summary>The gRPC status the node API answers with: always InvalidArgument, as in xmtpd.</summary>
    public StatusCode StatusCode { get; init; } = StatusCode.InvalidArgument;

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
