using BenchmarkDotNet.Running;

namespace XmtpSim.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench/XmtpSim.Benchmarks -- --filter '*Crypto*'</c> (BenchmarkSwitcher),
/// or <c>-- throughput</c> for the quick raw-Akka vs engine comparison in one process,
/// or <c>-- journal-check FILE</c> to write a small engine run's full journal and print its hash,
/// or <c>-- scenario FILE [rounds]</c> to time a scenario's runs in one process.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by the arguments; exit code 1 if any failed or did not validate.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ThroughputMode.Command)
        {
            return ThroughputMode.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == ScenarioMode.Command)
        {
            return ScenarioMode.Run(args[1..]);
        }

        if (args.Length > 1 && args[0] == ThroughputMode.JournalCheckCommand)
        {
            return ThroughputMode.JournalCheck(args[1]);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
