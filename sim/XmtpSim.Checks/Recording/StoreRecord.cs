using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Recording;

/// <summary>A node stored an envelope it did not originate (journal kind <c>store</c>).</summary>
/// <param name="TimeNs">Simulated time, nanoseconds.</param>
/// <param name="Node">Actor id of the node.</param>
/// <param name="Envelope">(originator, sequence).</param>
/// <param name="Topic">Topic id.</param>
/// <param name="Source">Replication or index.</param>
/// <param name="Fee">The node's recomputed fee, picodollars.</param>
/// <param name="FeeMismatch">The recomputed fee differs from the originator's.</param>
/// <param name="Digest">Id in <see cref="RecordedHistory.Digests"/> for chain-originated envelopes (originator 0 or 1), else -1.</param>
public readonly record struct StoreRecord(long TimeNs, int Node, EnvelopeId Envelope, int Topic, StoreSource Source, long Fee, bool FeeMismatch, int Digest);
