namespace XmtpSim.Checks.Recording;

/// <summary>A client's publish failed for good (journal kind <c>publish_failed</c>).</summary>
/// <param name="TimeNs">Simulated time, nanoseconds.</param>
/// <param name="Client">Actor id.</param>
/// <param name="LocalId">The client's id for the publish.</param>
/// <param name="Reason">Label id of the reason.</param>
public readonly record struct PublishFailedRecord(long TimeNs, int Client, long LocalId, int Reason);
