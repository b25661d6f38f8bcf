using System.Diagnostics;
using System.Globalization;
using XmtpSim.Engine;

namespace XmtpSim.Cli.Commands;

/// <summary>
/// Plain progress for a run whose output goes to a file or a pipe: one line each time another tenth of the
/// simulated time is done (a report that jumps several tenths prints once).
/// </summary>
internal sealed class ProgressLines(string scenario, long totalNanos, TextWriter log)
{
    private readonly Stopwatch _wall = Stopwatch.StartNew(); // for the lines only; the simulation never reads it
    private long _nextTenth = 1;

    /// <summary>The engine's progress callback: (simulated ns, events so far).</summary>
    public void Report(long simNanos, long events)
    {
        if (totalNanos <= 0 || simNanos * 10 < _nextTenth * totalNanos)
        {
            return;
        }

        _nextTenth = Math.Min(10, simNanos * 10 / totalNanos) + 1;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario}: t={SimTime.Format(simNanos)} ({100.0 * simNanos / totalNanos:0}%), {events:N0} events, {_wall.Elapsed.TotalSeconds:0} s wall"));
        log.Flush();
    }
}
