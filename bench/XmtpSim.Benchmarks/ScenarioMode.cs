using System.Globalization;
using XmtpSim.Scenarios;
using XmtpSim.Simulation;

namespace XmtpSim.Benchmarks;

/// <summary>
/// <c>-- scenario FILE [rounds] [--set key=value ...]</c>: runs a scenario <c>rounds</c> times (default 9) in this
/// process, with no outputs written, and prints each run's wall time as <c>xmtpsim run</c> measures it (build,
/// simulate, checks: <c>summary.json</c>'s <c>wall_seconds</c>) and how many times faster than real time it was.
/// The first run pays for the JIT and the process's start-up, as the CLI always does; the median of the others is
/// the steady speed. Every run must give the same journal hash, or the mode fails.
/// </summary>
internal static class ScenarioMode
{
    public const string Command = "scenario";

    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: scenario FILE [rounds] [--set key=value ...]");
            return 2;
        }

        var path = args[0];
        var rest = args[1..];
        var rounds = 9;
        if (rest.Length > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            if (!int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out rounds))
            {
                Console.Error.WriteLine($"rounds must be a whole number of 0 or more, got '{rest[0]}'");
                return 2;
            }

            rest = rest[1..];
        }

        var overrides = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] != "--set" || i + 1 == rest.Length)
            {
                Console.Error.WriteLine($"unexpected argument '{rest[i]}': expected --set key=value");
                return 2;
            }

            overrides.Add(rest[++i]);
        }

        Scenario scenario;
        try
        {
            // Loaded once: the scenario is an immutable record, and loading is outside the timed run anyway.
            scenario = ScenarioLoader.LoadFile(path, overrides);
        }
        catch (ScenarioException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        Console.WriteLine($"{path}: 1 first run and {rounds} more in one process, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        string? hash = null;
        var simSeconds = 0.0;
        var warm = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var outcome = SimulationRunner.Run(scenario, new RunSettings());
            var results = outcome.Results;
            var speed = results.SimSeconds / results.WallSeconds;
            Console.WriteLine(
                $"{(round == 0 ? "first" : $"run {round}"),-6} {results.WallSeconds,8:F3} s  {speed,8:N0}x real time  journal {results.JournalSha256[..16]}" +
                (results.Wall is { } wall
                    ? $"  (build {wall.BuildSeconds:F3}, simulate {wall.SimulateSeconds:F3}, checks {wall.ChecksSeconds:F3}, GC pauses {wall.GcPauseSeconds:F3} s)"
                    : ""));
            if (hash is not null && hash != results.JournalSha256)
            {
                Console.Error.WriteLine($"journal hash changed between runs: {hash} then {results.JournalSha256}");
                return 1;
            }

            hash = results.JournalSha256;
            simSeconds = results.SimSeconds;
            if (round > 0)
            {
                warm.Add(results.WallSeconds);
            }
        }

        if (warm.Count > 0)
        {
            var sorted = warm.Order().ToList();
            var median = sorted[sorted.Count / 2];
            Console.WriteLine(
                $"after the first: median {median:F3} s, range {sorted[0]:F3}–{sorted[^1]:F3} s; " +
                $"median {simSeconds / median:N0}x real time");
        }

        return 0;
    }
}
