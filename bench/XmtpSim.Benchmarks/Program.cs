using BenchmarkDotNet.Running;

namespace XmtpSim.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/XmtpSim.Benchmarks -- --filter '*Crypto*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by the arguments; exit code 1 if any failed or did not validate.</summary>
    public static int Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
