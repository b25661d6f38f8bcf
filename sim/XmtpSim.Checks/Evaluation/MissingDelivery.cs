using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Evaluation;

/// <summary>A client that should have applied an envelope and did not.</summary>
internal sealed record MissingDelivery(EnvelopeId Envelope, string Topic, string Client, ulong JoinCommit, long JoinNs, long AckNs, long MissingCount);
