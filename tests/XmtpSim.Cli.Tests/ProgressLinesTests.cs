using XmtpSim.Cli.Commands;

namespace XmtpSim.Cli.Tests;

public sealed class ProgressLinesTests
{
    [Fact]
    public void Prints_once_per_tenth_of_simulated_time_crossed()
    {
        using var log = new StringWriter { NewLine = "\n" };
        var lines = new ProgressLines("day", 1000, log);

        foreach (var (at, events) in new[] { (50L, 10L), (120L, 20L), (130L, 30L), (550L, 40L), (560L, 50L), (1000L, 60L) })
        {
            lines.Report(at, events);
        }

        var printed = log.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(3, printed.Length);
        Assert.StartsWith("day: t=", printed[0], StringComparison.Ordinal);
        Assert.Contains("(12%), 20 events", printed[0], StringComparison.Ordinal);
        Assert.Contains("(55%), 40 events", printed[1], StringComparison.Ordinal);
        Assert.Contains("(100%), 60 events", printed[2], StringComparison.Ordinal);
    }
}
