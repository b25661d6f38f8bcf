namespace XmtpSim.Checks.Evaluation;

/// <summary>One node at the end of the run.</summary>
/// <param name="Id">Node id (100, 200, …).</param>
/// <param name="Name">Actor name.</param>
/// <param name="Live">False when it crashed and was not restarted by the end.</param>
/// <param name="CrashedNs">Time of its last crash without restart, or -1.</param>
/// <param name="Holdings">Envelope indexes it originated or stored, ascending, distinct.</param>
internal sealed record NodeState(uint Id, string Name, bool Live, long CrashedNs, int[] Holdings)
{
    public bool Holds(int envelope) => Array.BinarySearch(Holdings, envelope) >= 0;
}
