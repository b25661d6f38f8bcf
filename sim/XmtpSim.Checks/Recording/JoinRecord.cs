namespace XmtpSim.Checks.Recording;

/// <summary>A client joined a group at a commit (journal kind <c>join</c>).</summary>
/// <param name="TimeNs">Simulated time, nanoseconds.</param>
/// <param name="Client">Actor id.</param>
/// <param name="Topic">Topic id.</param>
/// <param name="CommitSequence">The commit (originator 0 sequence) the client joined at.</param>
public readonly record struct JoinRecord(long TimeNs, int Client, int Topic, ulong CommitSequence);
