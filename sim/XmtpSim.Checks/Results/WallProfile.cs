namespace XmtpSim.Checks.Results;

/// <summary>
/// Where a run's wall time went, and the memory it needed: measurements of the machine, not of the simulation,
/// so they differ between runs of the same scenario and seed (written as <c>wall_*</c> fields).
/// </summary>
/// <param name="BuildSeconds">Building the network: actors, keys, the workload plan.</param>
/// <param name="SimulateSeconds">Running virtual time to its end, and hashing the journal.</param>
/// <param name="ChecksSeconds">Evaluating the checks over the recorded journal.</param>
/// <param name="PeakMemoryBytes">The process's peak resident memory when the checks end.</param>
/// <param name="GcPauseSeconds">Time the garbage collector paused the process during the run (build to checks).</param>
/// <param name="GcCollections">Collections of generations 0, 1 and 2 during the run (a gen 2 collection counts in all three).</param>
/// <param name="JitSeconds">Time the JIT compiler spent on all threads during the run (build to checks).</param>
/// <param name="JitMethods">Methods the JIT compiled during the run (precompiled code that ran as is does not count).</param>
/// <param name="AllocatedBytes">Bytes the run allocated on the managed heap, on all threads (build to checks): with the collections, how much the collector had to sweep.</param>
/// <param name="HugePageBytes">The process's anonymous memory in 2 MiB pages when the simulation ended (Linux; 0 elsewhere or when not asked for).</param>
public sealed record WallProfile(
    double BuildSeconds, double SimulateSeconds, double ChecksSeconds, long PeakMemoryBytes, double GcPauseSeconds = 0, IReadOnlyList<int>? GcCollections = null,
    double JitSeconds = 0, long JitMethods = 0, long HugePageBytes = 0, long AllocatedBytes = 0);
