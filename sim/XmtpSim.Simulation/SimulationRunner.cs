using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;
using XmtpSim.Checks;
using XmtpSim.Checks.Output;
using XmtpSim.Checks.Recording;
using XmtpSim.Checks.Results;
using XmtpSim.Engine;
using XmtpSim.Engine.Journal;
using XmtpSim.Protocol.Storage;
using XmtpSim.Reports;
using XmtpSim.Scenarios;

namespace XmtpSim.Simulation;

/// <summary>
/// Runs a scenario end to end: build the network, run it in virtual time for duration + drain (deliveries.csv is
/// written as the journal is recorded), hash the journal, run the checks over the recorded journal, build the
/// results model and write the other outputs.
/// The only wall-clock readings are the run's own timing and memory (the <c>wall_*</c> fields), never simulation logic.
/// </summary>
public static class SimulationRunner
{
    /// <summary>Runs <paramref name="scenario"/>.</summary>
    public static RunOutcome Run(Scenario scenario, RunSettings settings)
    {
        var errors = ScenarioValidator.Validate(scenario);
        if (errors.Count > 0)
        {
            throw new ScenarioException(errors);
        }

        string? journalPath = null;
        if (settings.OutputDirectory is not null)
        {
            Directory.CreateDirectory(settings.OutputDirectory);
            journalPath = Path.Combine(settings.OutputDirectory, scenario.Journal == Scenarios.JournalMode.Compressed ? "journal.ndjson.gz" : "journal.ndjson");
        }

        var wall = Stopwatch.StartNew(); // wall_* fields of the summary only; the simulation runs on the engine's clock
        var gcPause = GC.GetTotalPauseDuration();
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var jitTime = JitInfo.GetCompilationTime();
        var jitMethods = JitInfo.GetCompiledMethodCount();
        var allocated = GC.GetTotalAllocatedBytes();
        // Declared before the journal, so that on a failure the journal's last lines reach the file before it is deleted.
        using var deliveries = settings.OutputDirectory is null ? null : new DeliveriesFile(settings.OutputDirectory);
        using var journal = new JournalWriter(journalPath, ToEngineMode(scenario.Journal));
        using var spill = new ScratchFile("recorder");
        Simulated simulated;
        long hugePageBytes;
        using (settings.HugePages ? HugePages.Begin() : null)
        {
            simulated = Simulate(scenario, settings, journal, spill, deliveries?.Stream, wall);
            hugePageBytes = settings.HugePages ? HugePages.ResidentBytes() : 0;
        }

        var hash = journal.Finish();
        if (deliveries is not null)
        {
            simulated.Deliveries!.Flush(); // the recorder has seen every apply once the journal is finished
            deliveries.Complete();
        }

        if (spill.Length > 0)
        {
            // A long run: the network it simulated is garbage now (nothing after Simulate refers to it). Collect
            // it, and give its memory back to the system, before the checks read the recorded tables back from
            // the spill and build their indexes: otherwise the checks' peak lands on top of the network's pages.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        var simulatedSeconds = wall.Elapsed.TotalSeconds;
        var recorder = simulated.Recorder;

        // The files that need only the history are written on the other core while the checks run.
        var historyFiles = settings.OutputDirectory is { } directory
            ? OnItsOwnThread(() => RunOutput.WriteHistoryFiles(directory, recorder.History))
            : null;
        RunResults results;
        try
        {
            var checks = CheckRunner.Run(scenario.Checks, recorder.History);
            wall.Stop();

            var profile = new WallProfile(
                simulated.BuildSeconds, simulatedSeconds - simulated.BuildSeconds, wall.Elapsed.TotalSeconds - simulatedSeconds, PeakMemoryBytes(),
                (GC.GetTotalPauseDuration() - gcPause).TotalSeconds,
                [GC.CollectionCount(0) - collections[0], GC.CollectionCount(1) - collections[1], GC.CollectionCount(2) - collections[2]],
                (JitInfo.GetCompilationTime() - jitTime).TotalSeconds, JitInfo.GetCompiledMethodCount() - jitMethods, hugePageBytes,
                GC.GetTotalAllocatedBytes() - allocated);
            var info = new RunInfo(
                scenario.Name, scenario.Seed, hash, simulated.EndNanos / (double)SimTime.NanosPerSecond, wall.Elapsed.TotalSeconds, simulated.CryptoScheme, profile);
            results = RunResultsBuilder.Build(info, recorder.History, checks);
        }
        catch
        {
            WaitQuietly(historyFiles); // not left writing into the folder; this failure is the one reported
            throw;
        }

        return new RunOutcome(
            results, simulated.Stats, historyFiles is null ? [] : WriteOutputs(settings.OutputDirectory!, results, recorder.History, scenario, historyFiles));
    }

    /// <summary>
    /// Writes summary.json and, on the other core, the charts and reports: both only read the finished history (each
    /// enumeration of its tables through a reader of its own) and the results; then waits for the history's files,
    /// started before the checks. Returns the paths, data files first, in <see cref="RunOutput.FileNames"/> order.
    /// </summary>
    private static IReadOnlyList<string> WriteOutputs(
        string directory, RunResults results, RecordedHistory history, Scenario scenario, Task<IReadOnlyList<string>> historyFiles)
    {
        var report = OnItsOwnThread(() => RunReport.WriteAll(directory, results, history, scenario));
        string summary;
        try
        {
            summary = RunOutput.WriteSummary(directory, results);
        }
        finally
        {
            // On a failure, the writers are still waited for (not left writing into the folder), and the first failure
            // here is the one reported.
            WaitQuietly(report);
            WaitQuietly(historyFiles);
        }

        var deliveries = Path.Combine(directory, RunOutput.FileNames[1]);
        return [summary, deliveries, .. historyFiles.GetAwaiter().GetResult(), .. report.GetAwaiter().GetResult()];
    }

    private static Task<T> OnItsOwnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Waits for <paramref name="task"/> (if any) to end, whether it failed or not: its failure is not this one's to report.</summary>
    private static void WaitQuietly(Task? task) => task?.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();

    /// <summary>
    /// Builds the network and runs it to its end. The network (actors, node stores, envelopes, and the scratch
    /// file their bytes moved to) lives only in this method's frame, so it is unreachable once it returns: only
    /// the recorder, which keeps what the journal said, goes on to the checks.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Simulated Simulate(
        Scenario scenario, RunSettings settings, JournalWriter journal, ScratchFile spill, Stream? deliveries, Stopwatch wall)
    {
        using var envelopeBytes = new ScratchFile("envelopes");
        var built = SimulationBuilder.Build(scenario, journal, settings.Parallelism, envelopeBytes);
        var recorder = JournalRecorder.Attach(journal, built.NodeIds);
        recorder.History.SpillLargeTablesTo(spill);
        var rows = deliveries is null ? null : recorder.StreamDeliveriesTo(deliveries);
        var buildSeconds = wall.Elapsed.TotalSeconds;
        using (built.Engine)
        {
            var stats = built.Engine.Run(built.EndNanos, settings.Progress);
            return new Simulated(recorder, rows, stats, built.EndNanos, built.CryptoScheme, buildSeconds);
        }
    }

    private sealed record Simulated(JournalRecorder Recorder, DeliveriesCsv.Writer? Deliveries, EngineStats Stats, long EndNanos, string CryptoScheme, double BuildSeconds);

    // The process's high-water mark of resident memory; the current working set where the OS keeps none.
    private static long PeakMemoryBytes()
    {
        using var self = Process.GetCurrentProcess();
        return Math.Max(self.PeakWorkingSet64, self.WorkingSet64);
    }

    private static Engine.Journal.JournalMode ToEngineMode(Scenarios.JournalMode mode) => mode switch
    {
        Scenarios.JournalMode.Full => Engine.Journal.JournalMode.Full,
        Scenarios.JournalMode.Compressed => Engine.Journal.JournalMode.Compressed,
        _ => Engine.Journal.JournalMode.HashOnly,
    };
}
