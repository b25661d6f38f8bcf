using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Envelopes;

namespace XmtpSim.Actors.Node;

/// <summary>A row of a node's envelope table: the envelope as received, and when this node stored it.</summary>
public sealed record StoredEnvelope(ParsedOriginatorEnvelope Envelope, long StoredAtNs)
{
    /// <summary>(originator, sequence), read from the envelope (not stored twice: a node keeps millions of rows).</summary>
    public EnvelopeId Id => new(Envelope.OriginatorNodeId, Envelope.SequenceId);
}
