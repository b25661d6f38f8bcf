using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using XmtpSim.Scenarios;
using XmtpSim.Simulation.Sweeps;

namespace XmtpSim.Cli.Commands;

/// <summary>
/// <c>xmtpsim sweep &lt;scenario.yaml&gt; --vary key.path=v1,v2,... [--vary ...] [--seeds K] [--out DIR] [--set key=value ...]
/// [--quiet] [--parallel N]</c>: runs the cross product of the varied values × K seeds (point seed + 0 … K−1), several
/// runs at once, and writes sweep.csv, charts/*.png, sweep.md and sweep.html, with each run's own outputs under
/// <c>runs/&lt;point&gt;-seed&lt;seed&gt;/</c> (journal hash-only unless <c>--set journal=full</c>). Every input is
/// checked before anything runs (exit 2). Exit code 0 when every check of every run passed, 1 otherwise.
/// </summary>
public static class SweepCommand
{
    /// <summary>Charts for sweep.md and sweep.html: ScottPlot PNGs under charts/ (tests may swap in <see cref="NoSweepCharts"/>).</summary>
    public static ISweepChartWriter ChartWriter { get; set; } = SweepCharts.Instance;

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "The scenario file (YAML)" };
        var vary = new Option<string[]>("--vary")
        {
            Description = "A key and its values: --vary key.path=v1,v2,... (repeatable; commas inside {...} or [...] belong to the value)",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            Required = true,
        };
        var seeds = new Option<int>("--seeds")
        {
            Description = "Runs per point, K: seeds s, s+1, ..., s+K-1 from the point's scenario seed (default 1)",
            DefaultValueFactory = _ => 1,
        };
        var output = new Option<string?>("--out") { Description = "Output folder (default reports/<name>-sweep/)" };
        var set = CommonOptions.Set();
        var quiet = new Option<bool>("--quiet") { Description = "No progress display" };
        var parallel = new Option<int>("--parallel")
        {
            Description = "Runs at once (default: processor count); results do not depend on it",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("sweep", "Run a scenario over the cross product of varied keys and seeds; chart each figure against each key")
        {
            file, vary, seeds, output, set, quiet, parallel,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"{path}: no such scenario file");
            }

            var k = parse.GetValue(seeds);
            if (k < 1)
            {
                throw new UsageException($"--seeds must be at least 1, got {k}");
            }

            var runsAtOnce = parse.GetValue(parallel);
            if (runsAtOnce < 1)
            {
                throw new UsageException($"--parallel must be at least 1, got {runsAtOnce}");
            }

            SweepPlan plan;
            try
            {
                var axes = (parse.GetValue(vary) ?? []).Select(SweepAxis.Parse).ToList();
                plan = SweepPlan.Create(File.ReadAllText(path), path, parse.GetValue(set) ?? [], axes, k);
            }
            catch (ScenarioException ex)
            {
                throw new UsageException(string.Join(Environment.NewLine, ex.Errors.Select(e => e.ToString())), ex);
            }
            catch (IOException ex)
            {
                throw new UsageException($"{path}: cannot read the scenario file: {ex.Message}", ex);
            }

            var outDir = parse.GetValue(output) ?? Path.Combine("reports", $"{plan.BaseScenario.Name}-sweep");
            var stdout = parse.InvocationConfiguration.Output;
            var showProgress = !parse.GetValue(quiet) && !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out);
            var settings = new SweepSettings { OutputDirectory = outDir, MaxParallelRuns = Math.Min(runsAtOnce, plan.Runs.Count) };
            var results = showProgress ? RunWithProgress(plan, settings) : SweepRunner.Run(plan, settings);
            SweepOutput.WriteAll(outDir, results, ChartWriter);
            stdout.Write(Summary(results, outDir));
            return results.AllChecksPassed ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static SweepResults RunWithProgress(SweepPlan plan, SweepSettings settings)
    {
        SweepResults? results = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Describe(plan, new SweepProgress(0, plan.Runs.Count, 0, plan.Points.Count)), maxValue: plan.Runs.Count);
                results = SweepRunner.Run(plan, settings with
                {
                    Progress = p =>
                    {
                        task.Description = Describe(plan, p);
                        task.Value = p.RunsDone;
                    },
                });
                task.Value = plan.Runs.Count;
            });
        return results!;
    }

    private static string Describe(SweepPlan plan, SweepProgress p) => string.Create(
        CultureInfo.InvariantCulture,
        $"{plan.BaseScenario.Name} sweep: points {p.PointsDone}/{p.PointsTotal}, runs {p.RunsDone}/{p.RunsTotal}");

    private static string Summary(SweepResults results, string outDir)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"sweep {results.Scenario}: {results.Points.Count} points × {results.SeedsPerPoint} seeds = {results.Runs.Count} runs"),
        };
        foreach (var point in results.Points)
        {
            var status = point.ChecksPassed == point.Runs.Count ? "PASS" : "FAIL";
            lines.Add(string.Create(c, $"  {status}  {point.Point.Name} {point.Point.Describe(results.Axes)}: {point.ChecksPassed}/{point.Runs.Count} runs passed every check"));
        }

        lines.Add($"outputs: {outDir} (sweep.csv, sweep.md, sweep.html, runs/)");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
