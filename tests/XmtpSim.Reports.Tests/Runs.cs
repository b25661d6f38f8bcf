using XmtpSim.Checks.Tests;
using XmtpSim.Checks;
using XmtpSim.Checks.Recording;
using XmtpSim.Checks.Results;
using XmtpSim.Engine.Journal;
using XmtpSim.Scenarios;

namespace XmtpSim.Reports.Tests;

/// <summary>Results models of synthetic runs, built the way the runner builds them (checks, then results).</summary>
internal static class Runs
{
    public const string ScenarioYaml = """
        name: reports-test
        seed: 7
        duration: 10s
        drain: 2s
        network:
          nodes: 3
        faults:
          - { at: 3s, partition: [[100], [200, 300]], for: 2s }
          - { at: 4s, crash: 300, restart_after: 2s }
        checks:
          - no_loss
          - causal_order
          - { latency_p99_below: 250ms }
        """;

    public static Scenario Scenario() => ScenarioLoader.Parse(ScenarioYaml, "scenarios/reports-test.yaml");

    public static (RunResults Results, RecordedHistory History, Scenario Scenario) Build(List<JournalEvent> events, double simSeconds = 12)
    {
        var scenario = Scenario();
        var history = Histories.Record(events);
        var checks = CheckRunner.Run(scenario.Checks, history);
        var info = new RunInfo(scenario.Name, scenario.Seed, new string('a', 64), simSeconds, 1.5, "real");
        return (RunResultsBuilder.Build(info, history, checks), history, scenario);
    }

    /// <summary>A fresh temporary directory, deleted on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public TempDir() => Path = Directory.CreateTempSubdirectory("xmtpsim-reports-").FullName;

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
