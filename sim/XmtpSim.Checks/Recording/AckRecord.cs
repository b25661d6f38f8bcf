using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Recording;

/// <summary>A client's publish was acknowledged with (originator, sequence) (journal kind <c>ack</c>).</summary>
/// <param name="TimeNs">Simulated time, nanoseconds.</param>
/// <param name="Client">Actor id.</param>
/// <param name="LocalId">The client's id for the publish.</param>
/// <param name="Envelope">The acknowledged envelope.</param>
public readonly record struct AckRecord(long TimeNs, int Client, long LocalId, EnvelopeId Envelope);
