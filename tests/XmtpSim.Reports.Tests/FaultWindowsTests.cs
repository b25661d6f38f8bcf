using XmtpSim.Checks.Recording;
using XmtpSim.Reports.Charts;
using static XmtpSim.Checks.Tests.Histories;

namespace XmtpSim.Reports.Tests;

public sealed class FaultWindowsTests
{
    [Fact]
    public void Pairs_partition_with_heal_crash_with_restart_and_latency_add_with_remove()
    {
        var history = Record(WithFaults());

        var windows = FaultWindows.From(history.Faults, 12 * S);

        Assert.Collection(
            windows,
            w => Assert.Equal(("partition", 3.0, 5.0, "partition"), (w.Kind, w.StartSeconds, w.EndSeconds, w.Label)),
            w => Assert.Equal(("crash", 4.0, 6.0, "crash node-300"), (w.Kind, w.StartSeconds, w.EndSeconds, w.Label)),
            w => Assert.Equal(("latency", 5.0, 7.0, "latency +150 ms"), (w.Kind, w.StartSeconds, w.EndSeconds, w.Label)),
            w =>
            {
                Assert.Equal(("reset", 7.5), (w.Kind, w.StartSeconds));
                Assert.True(w.IsInstant);
            });
        Assert.All(windows, w => Assert.True(w.Ended));
    }

    [Fact]
    public void A_fault_still_open_at_the_end_lasts_to_the_end_of_the_run()
    {
        FaultRecord[] faults = [new(2 * S, "partition", "node-100 | node-200"), new(3 * S, "crash", "node-200"), new(4 * S, "partition", "node-100,node-200 | node-300")];

        var windows = FaultWindows.From(faults, 10 * S);

        Assert.Equal(3, windows.Count);
        Assert.Equal((2.0, 4.0, true), (windows[0].StartSeconds, windows[0].EndSeconds, windows[0].Ended));
        Assert.Equal(("crash", 3.0, 10.0, false), (windows[1].Kind, windows[1].StartSeconds, windows[1].EndSeconds, windows[1].Ended));
        Assert.Equal((4.0, 10.0, false), (windows[2].StartSeconds, windows[2].EndSeconds, windows[2].Ended));
    }
}
