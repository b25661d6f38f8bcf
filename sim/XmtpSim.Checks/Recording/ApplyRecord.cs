using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Recording;

/// <summary>A client applied an envelope (journal kind <c>apply</c>).</summary>
/// <param name="TimeNs">Simulated time of the apply, nanoseconds.</param>
/// <param name="Client">Actor id.</param>
/// <param name="Topic">Topic id.</param>
/// <param name="Envelope">The applied envelope.</param>
/// <param name="PublishedNs">Simulated time it was published, nanoseconds; -1 when unknown.</param>
/// <param name="Sender">Actor id of the sender (-1 when empty).</param>
/// <param name="ReadNode">Actor id of the node the client read it from (-1 when empty).</param>
/// <param name="FeePicodollars">The fee the envelope carried, picodollars.</param>
/// <param name="DependencyDropped">Applied only because the client gave up on a dependency.</param>
/// <param name="DependsOnStart">First entry of its depends_on in <see cref="RecordedHistory.DependencyPool"/>.</param>
/// <param name="DependsOnCount">Entries of its depends_on.</param>
public readonly record struct ApplyRecord(
    long TimeNs, int Client, int Topic, EnvelopeId Envelope, long PublishedNs, int Sender, int ReadNode, long FeePicodollars,
    bool DependencyDropped, int DependsOnStart, int DependsOnCount)
{
    /// <summary>Publish-to-apply latency, nanoseconds; -1 when the publish time is unknown.</summary>
    public long LatencyNs => PublishedNs < 0 ? -1 : TimeNs - PublishedNs;
}
