using Google.Protobuf;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// A decoded ClientEnvelope together with the exact bytes it was decoded from (the bytes the payer
/// signed). Mutating <see cref="Envelope"/> never changes <see cref="Raw"/>. aad.depends_on moves out of
/// <see cref="Envelope"/> into <see cref="DependsOn"/>: the protobuf map behind it costs several objects per
/// envelope, and every node keeps every envelope.
/// </summary>
public sealed class ParsedClientEnvelope
{
    internal ParsedClientEnvelope(ByteString raw, ClientEnvelope envelope, Topic topic)
    {
        Raw = raw;
        Envelope = envelope;
        Topic = topic;
        DependsOn = DependsOnDictionary.Of(envelope.Aad.DependsOn?.NodeIdToSequenceId);
        envelope.Aad.DependsOn = null;
    }

    /// <summary>The serialized ClientEnvelope, exactly as received.</summary>
    public ByteString Raw { get; }

    /// <summary>The decoded message (payload access), without aad.depends_on (see <see cref="DependsOn"/>).</summary>
    public ClientEnvelope Envelope { get; }

    /// <summary>aad.target_topic.</summary>
    public Topic Topic { get; }

    /// <summary>Which payload the envelope carries.</summary>
    public ClientEnvelope.PayloadOneofCase PayloadKind => Envelope.PayloadCase;

    /// <summary>
    /// aad.depends_on as originator → sequence ID (empty if absent). The originator checks it against its
    /// own cursor at publish time (spec §5.4); that check lives with the cursor code.
    /// </summary>
    public DependsOnDictionary DependsOn { get; }
}
