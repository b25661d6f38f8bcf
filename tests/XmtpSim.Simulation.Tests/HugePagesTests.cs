namespace XmtpSim.Simulation.Tests;

public sealed class HugePagesTests
{
    private const long Mib = 1L << 20;

    [Fact]
    public void Only_private_anonymous_mappings_are_read_from_the_maps_file()
    {
        string[] lines =
        [
            "55d1c0a00000-55d1c0a21000 r--p 00000000 fd:01 1234                       /usr/bin/xmtpsim",
            "7f1200000000-7f1200800000 rw-p 00000000 00:00 0 ",
            "7f1200800000-7f1240000000 ---p 00000000 00:00 0",
            "7f1300000000-7f1300200000 rw-s 00000000 00:01 77                         /memfd:doublemapper (deleted)",
            "7f1400000000-7f1400021000 rw-p 00000000 00:00 0                          [heap]",
            "7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0                          [stack]",
            "7f1500000000-7f1500400000 r-xp 00000000 00:00 0",
        ];

        var mappings = HugePages.ParseMappings(lines);

        Assert.Equal(
            [
                new HugePages.Mapping(0x7f1200000000, 0x7f1200800000, Writable: true),
                new HugePages.Mapping(0x7f1200800000, 0x7f1240000000, Writable: false),
                new HugePages.Mapping(0x7f1500000000, 0x7f1500400000, Writable: false),
            ],
            mappings);
    }

    [Fact]
    public void A_sweep_marks_every_mapping_and_collapses_the_aligned_part_of_writable_ones()
    {
        HugePages.Mapping[] mappings =
        [
            new(0x7f0000100000, 0x7f0000100000 + (7 * Mib), Writable: true), // aligned part: 2 MiB .. 8 MiB
            new(0x7f0001000000, 0x7f0001000000 + (1 * Mib), Writable: true), // no whole 2 MiB page inside
            new(0x7f0002000000, 0x7f0002000000 + (4 * Mib), Writable: false), // a reservation: marked only
        ];
        var calls = new List<(long Start, long Length, int Advice)>();

        var again = HugePages.AdviseAll(mappings, collapse: true, (start, length, advice) =>
        {
            calls.Add((start, length, advice));
            return 0;
        });

        Assert.True(again);
        Assert.Equal(
            [
                (0x7f0000100000, 7 * Mib, HugePages.MadvHugePage),
                (0x7f0000200000, 6 * Mib, HugePages.MadvCollapse),
                (0x7f0001000000, 1 * Mib, HugePages.MadvHugePage),
                (0x7f0002000000, 4 * Mib, HugePages.MadvHugePage),
            ],
            calls);
    }

    [Fact]
    public void A_kernel_without_collapse_is_only_asked_to_mark()
    {
        HugePages.Mapping[] mappings =
        [
            new(0x7f0000000000, 0x7f0000000000 + (4 * Mib), Writable: true),
            new(0x7f0001000000, 0x7f0001000000 + (4 * Mib), Writable: true),
        ];
        var collapses = 0;

        var again = HugePages.AdviseAll(mappings, collapse: true, (_, _, advice) =>
        {
            if (advice != HugePages.MadvCollapse)
            {
                return 0;
            }

            collapses++;
            return HugePages.EINVAL;
        });

        Assert.False(again);
        Assert.Equal(1, collapses);
        Assert.False(HugePages.AdviseAll(mappings, again, (_, _, advice) => advice == HugePages.MadvCollapse ? throw new InvalidOperationException("asked again") : 0));
    }

    [Fact]
    public void One_sweeper_serves_overlapping_runs_stops_with_the_last_and_starts_again_for_the_next()
    {
        Assert.False(HugePages.Running); // this assembly's tests run one at a time (xunit.runner.json)

        var first = HugePages.Begin();
        var second = HugePages.Begin();
        Assert.Equal(OperatingSystem.IsLinux(), HugePages.Running); // elsewhere there is nothing to ask

        first.Dispose();
        first.Dispose(); // a second dispose ends nothing
        Assert.Equal(OperatingSystem.IsLinux(), HugePages.Running);

        second.Dispose();
        Assert.False(HugePages.Running);

        using (HugePages.Begin()) // a later run starts a sweeper of its own
        {
            Assert.Equal(OperatingSystem.IsLinux(), HugePages.Running);
        }

        Assert.False(HugePages.Running);
    }
}
