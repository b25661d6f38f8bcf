using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Protocol.Ordering;

/// <summary>What the client's causal sort needs to know of one received envelope (a value: a client makes one per envelope it reads).</summary>
/// <param name="Id">(originator, sequence).</param>
/// <param name="OriginatorNs">The originator's timestamp, Unix nanoseconds; the primary sort key.</param>
/// <param name="DependsOn">The sender's <c>aad.depends_on</c>.</param>
/// <param name="IsCommit">Commits sort first among equal timestamps (XIP-49 tie-break).</param>
/// <param name="Payload">Whatever the caller needs back when the envelope is applied.</param>
public readonly record struct CausalEnvelope<T>(EnvelopeId Id, long OriginatorNs, VectorClock DependsOn, bool IsCommit, T Payload);
