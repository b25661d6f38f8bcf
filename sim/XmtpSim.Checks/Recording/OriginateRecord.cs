using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Recording;

/// <summary>A node originated an envelope (journal kind <c>originate</c>).</summary>
/// <param name="TimeNs">Simulated time, nanoseconds.</param>
/// <param name="Node">Actor id of the node.</param>
/// <param name="Envelope">(originator, sequence); the originator is the node's id.</param>
/// <param name="Topic">Topic id.</param>
/// <param name="Payer">Payer id in <see cref="RecordedHistory.Payers"/>.</param>
/// <param name="BaseFee">Base fee, picodollars.</param>
/// <param name="CongestionFee">Congestion fee, picodollars.</param>
/// <param name="CongestionUnits">Congestion units charged.</param>
/// <param name="Bytes">Envelope size, bytes.</param>
/// <param name="DependsOnCommit">The depends_on entry for originator 0 (0 when absent).</param>
public readonly record struct OriginateRecord(
    long TimeNs, int Node, EnvelopeId Envelope, int Topic, int Payer, long BaseFee, long CongestionFee, int CongestionUnits, int Bytes,
    ulong DependsOnCommit)
{
    /// <summary>Base plus congestion fee, picodollars.</summary>
    public long TotalFee => BaseFee + CongestionFee;
}
