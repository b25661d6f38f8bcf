namespace XmtpSim.Checks.Recording;

/// <summary>A client handed an envelope to its gateway (journal kind <c>publish</c>).</summary>
/// <param name="TimeNs">Simulated time, nanoseconds.</param>
/// <param name="Client">Actor id in <see cref="RecordedHistory.Actors"/>.</param>
/// <param name="Topic">Topic id in <see cref="RecordedHistory.Topics"/>.</param>
/// <param name="LocalId">The client's own id for the publish.</param>
/// <param name="What">Label id in <see cref="RecordedHistory.Labels"/> (message, commit, …).</param>
/// <param name="Bytes">Payload size, bytes.</param>
/// <param name="DependsOnCommit">The depends_on entry for originator 0 (0 when absent).</param>
public readonly record struct PublishRecord(long TimeNs, int Client, int Topic, long LocalId, int What, int Bytes, ulong DependsOnCommit);
