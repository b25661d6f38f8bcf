using System.Runtime.ExceptionServices;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// Runs every run of a <see cref="SweepPlan"/>, up to <see cref="SweepSettings.MaxParallelRuns"/> at once, each with
/// its own actor system and <see cref="RunSettings.Parallelism"/> 1, and gathers a <see cref="SweepResults"/> in
/// plan order. A failed check does not stop the sweep; an internal error in any run does (it is rethrown).
/// </summary>
public static class SweepRunner
{
    /// <summary>The folder under the sweep's output folder that holds each run's own outputs.</summary>
    public const string RunsFolder = "runs";

    /// <summary>Runs the plan.</summary>
    public static SweepResults Run(SweepPlan plan, SweepSettings settings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxParallelRuns < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.MaxParallelRuns, "MaxParallelRuns must be at least 1");
        }

        var runs = new SweepRun[plan.Runs.Count];
        var remainingPerPoint = plan.Points.Select(_ => plan.SeedsPerPoint).ToArray();
        var gate = new object();
        int runsDone = 0, pointsDone = 0;
        try
        {
            Parallel.ForEach(
                plan.Runs,
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelRuns },
                spec =>
                {
                    var directory = settings.OutputDirectory is null ? null : Path.Combine(settings.OutputDirectory, RunsFolder, spec.FolderName);
                    var outcome = SimulationRunner.Run(spec.Scenario, new RunSettings { OutputDirectory = directory, Parallelism = 1 });
                    runs[spec.Index] = new SweepRun(spec, outcome.Results, HeadlineFigures.Compute(outcome.Results, spec.Scenario), directory);
                    lock (gate)
                    {
                        runsDone++;
                        if (--remainingPerPoint[spec.Point.Index] == 0)
                        {
                            pointsDone++;
                        }

                        settings.Progress?.Invoke(new SweepProgress(runsDone, runs.Length, pointsDone, plan.Points.Count));
                    }
                });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            throw;
        }

        return SweepResults.From(plan.BaseScenario.Name, plan.Axes, plan.SeedsPerPoint, plan.Points, runs);
    }
}
