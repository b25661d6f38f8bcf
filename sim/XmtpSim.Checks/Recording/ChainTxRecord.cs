using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Recording;

/// <summary>The app chain included a broadcaster transaction (journal kind <c>chain_tx</c>).</summary>
/// <param name="TimeNs">Simulated time of inclusion, nanoseconds.</param>
/// <param name="Envelope">(0 or 1, sequence).</param>
/// <param name="Topic">Topic id.</param>
/// <param name="Bytes">Payload size, bytes.</param>
/// <param name="Gas">Gas used.</param>
/// <param name="Block">Block number.</param>
/// <param name="TxHash">Id in <see cref="RecordedHistory.Digests"/>.</param>
/// <param name="SubmittedNs">Simulated time of submission, nanoseconds.</param>
public readonly record struct ChainTxRecord(long TimeNs, EnvelopeId Envelope, int Topic, int Bytes, long Gas, long Block, int TxHash, long SubmittedNs);
