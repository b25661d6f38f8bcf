using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using XmtpSim.Checks.Results;
using XmtpSim.Engine;
using XmtpSim.Scenarios;
using XmtpSim.Simulation;

namespace XmtpSim.Cli.Commands;

/// <summary>
/// <c>xmtpsim run &lt;scenario.yaml&gt; [--seed N] [--out DIR] [--set key.path=value ...] [--quiet] [--parallelism N] [--no-huge-pages]</c>:
/// runs the scenario in virtual time and writes summary.json, CSVs, the journal and report.md.
/// Exit code 0 when every check passes, 1 when one fails.
/// </summary>
public static class RunCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "The scenario file (YAML)" };
        var seed = new Option<long?>("--seed") { Description = "Seed for every random stream (same as --set seed=N)" };
        var output = new Option<string?>("--out") { Description = "Output folder (default reports/<name>-<seed>/)" };
        var set = CommonOptions.Set();
        var quiet = new Option<bool>("--quiet") { Description = "No progress display" };
        var parallelism = new Option<int>("--parallelism")
        {
            Description = "Threads for events of one simulated instant (results do not depend on it)",
            DefaultValueFactory = _ => 1,
        };
        var noHugePages = new Option<bool>("--no-huge-pages")
        {
            Description = "Do not ask Linux for 2 MiB pages while simulating (results do not depend on it; see wall_huge_page_bytes)",
        };
        var command = new Command("run", "Run a scenario in virtual time and report on it") { file, seed, output, set, quiet, parallelism, noHugePages };
        command.SetAction(parse =>
        {
            var overrides = (parse.GetValue(set) ?? []).ToList();
            if (parse.GetValue(seed) is { } seedValue)
            {
                if (seedValue < 0)
                {
                    throw new UsageException($"--seed must not be negative, got {seedValue}");
                }

                overrides.Add(string.Create(CultureInfo.InvariantCulture, $"seed={seedValue}"));
            }

            var threads = parse.GetValue(parallelism);
            if (threads < 1)
            {
                throw new UsageException($"--parallelism must be at least 1, got {threads}");
            }

            var path = parse.GetValue(file)!;
            var scenario = CommonOptions.LoadScenario(path, overrides);
            var validation = ScenarioValidator.Validate(scenario);
            if (validation.Count > 0)
            {
                throw new UsageException(string.Join(Environment.NewLine, validation.Select(e => e.ToString())));
            }

            var outDir = parse.GetValue(output) ?? Path.Combine("reports", $"{scenario.Name}-{scenario.Seed}");
            var settings = new RunSettings { OutputDirectory = outDir, Parallelism = threads, HugePages = !parse.GetValue(noHugePages) };
            var stdout = parse.InvocationConfiguration.Output;
            var console = !parse.GetValue(quiet) && ReferenceEquals(stdout, Console.Out);
            var outcome = (console, Console.IsOutputRedirected) switch
            {
                (true, false) => RunWithProgress(scenario, settings),
                (true, true) => RunWithProgressLines(scenario, settings, Console.Error),
                _ => SimulationRunner.Run(scenario, settings),
            };
            stdout.Write(Summary(outcome, outDir));
            return outcome.AllChecksPassed ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static RunOutcome RunWithProgress(Scenario scenario, RunSettings settings)
    {
        RunOutcome? outcome = null;
        var totalSeconds = (scenario.Duration + scenario.Drain).TotalSeconds;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask($"{scenario.Name}: simulating", maxValue: totalSeconds);
                var display = Stopwatch.StartNew(); // events/s in the progress display only; the simulation never reads it
                outcome = SimulationRunner.Run(scenario, settings with
                {
                    Progress = (simNanos, events) =>
                    {
                        var elapsed = Math.Max(display.Elapsed.TotalSeconds, 1e-3);
                        task.Description = string.Create(CultureInfo.InvariantCulture,
                            $"{scenario.Name}: t={SimTime.Format(simNanos)}, {events / elapsed:N0} events/s");
                        task.Value = simNanos / (double)SimTime.NanosPerSecond;
                    },
                });
                task.Value = totalSeconds;
            });
        return outcome!;
    }

    /// <summary>
    /// Output going to a file or a pipe (a long run under nohup, a CI log): a plain line on stderr each time
    /// another tenth of the simulated time is done, so the summary on stdout stays clean.
    /// </summary>
    private static RunOutcome RunWithProgressLines(Scenario scenario, RunSettings settings, TextWriter log)
    {
        var lines = new ProgressLines(scenario.Name, SimTime.Nanos(scenario.Duration + scenario.Drain), log);
        return SimulationRunner.Run(scenario, settings with { Progress = lines.Report });
    }

    private static string Memory(WallProfile? wall) =>
        wall is null ? "" : string.Create(CultureInfo.InvariantCulture, $", peak memory {wall.PeakMemoryBytes / (1024.0 * 1024 * 1024):0.00} GiB");

    private static string Summary(RunOutcome outcome, string outDir)
    {
        var r = outcome.Results;
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"scenario {r.Scenario}, seed {r.Seed}: {r.SimSeconds:0.#} simulated seconds in {r.WallSeconds:0.00} wall seconds ({r.SimSeconds / Math.Max(r.WallSeconds, 1e-9):N0}x real time){Memory(r.Wall)}"),
            string.Create(c, $"engine events {outcome.Engine.Events:N0}, journal events {r.Events:N0}, network messages delivered {outcome.Engine.MessagesDelivered:N0}, journal_sha256 {r.JournalSha256}"),
            string.Create(c, $"envelopes published {r.EnvelopesPublished:N0}, delivered {r.EnvelopesDelivered:N0}; latency p50 {r.LatencyMs.P50:0.#} ms, p99 {r.LatencyMs.P99:0.#} ms, max {r.LatencyMs.Max:0.#} ms"),
        };
        foreach (var check in outcome.Checks)
        {
            lines.Add($"  {(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Evidence}");
        }

        lines.Add($"outputs: {outDir}");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
