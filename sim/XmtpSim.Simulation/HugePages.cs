using System.Globalization;
using System.Runtime.InteropServices;

namespace XmtpSim.Simulation;

/// <summary>
/// While a run simulates, asks Linux to back the process's private anonymous memory (the managed heap, and the
/// collector's own tables beside it) with 2 MiB pages instead of 4 KiB ones. A day of 100,000 clients keeps
/// about 6 GB of state, and a delivery's reads land all over it: with 4 KiB pages nearly every read that misses the
/// cache also misses the TLB and waits for a page walk, which a 2 MiB page makes 512 times rarer.
/// <para>
/// Once a second, after the first second (a short run is never touched), a background thread reads
/// <c>/proc/self/maps</c>, marks every private anonymous mapping <c>MADV_HUGEPAGE</c> (so that what the collector
/// commits next is faulted in as 2 MiB pages where it can be; a collector's decommit makes a new mapping without the
/// mark, hence the repeat) and asks for the 2 MiB-aligned part of each writable one to be collapsed into 2 MiB pages
/// (<c>MADV_COLLAPSE</c>, Linux 6.1 and later: it works whatever the system's <c>transparent_hugepage</c> setting,
/// unless that is <c>never</c>, and needs no privilege; a range already in 2 MiB pages costs it only a page-table
/// walk). Pages are only remapped, and the thread never touches simulation state: no outcome can depend on it, only
/// timing and resident memory (a collapse makes the whole 2 MiB resident). Its one-second wait is wall time, like the
/// run's own timing; virtual time never reads it.
/// </para>
/// <para>
/// A hint, not a requirement: on another system, an older kernel or a system that refuses, the run goes on with
/// the pages it has, and <c>wall_huge_page_bytes</c> in summary.json (what was in 2 MiB pages when the simulation
/// ended) says what it got. One thread serves every run of the process (a sweep's runs overlap).
/// </para>
/// </summary>
internal static partial class HugePages
{
    /// <summary><c>MADV_HUGEPAGE</c>.</summary>
    internal const int MadvHugePage = 14;

    /// <summary><c>MADV_COLLAPSE</c> (Linux 6.1).</summary>
    internal const int MadvCollapse = 25;

    /// <summary><c>EINVAL</c>: an advice the kernel does not know.</summary>
    internal const int EINVAL = 22;

    private const long HugePageBytes = 2L << 20;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private static readonly Lock Gate = new();
    private static int runs;
    private static ManualResetEventSlim? stop; // set to end the sweeper; disposed by the run that ends it
    private static Thread? sweeper;

    /// <summary>Starts asking for 2 MiB pages until the result is disposed (nothing off Linux).</summary>
    public static IDisposable Begin()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new Ending();
        }

        lock (Gate)
        {
            if (runs++ == 0)
            {
                var stopping = stop = new ManualResetEventSlim();
                sweeper = new Thread(() => Sweep(stopping)) { IsBackground = true, Name = "huge pages" };
                sweeper.Start();
            }
        }

        return new Ending(End);
    }

    /// <summary>True while some run has asked for 2 MiB pages and not yet ended.</summary>
    public static bool Running
    {
        get
        {
            lock (Gate)
            {
                return sweeper is not null;
            }
        }
    }

    /// <summary>Anonymous memory of the process in 2 MiB pages now (<c>AnonHugePages</c>); 0 where the system does not say.</summary>
    public static long ResidentBytes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        try
        {
            foreach (var line in File.ReadLines("/proc/self/smaps_rollup"))
            {
                if (line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
                {
                    var kib = line["AnonHugePages:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No smaps_rollup (a kernel before 4.14, or a restricted /proc): the figure is unknown.
        }

        return 0;
    }

    private static void End()
    {
        Thread? ending = null;
        ManualResetEventSlim? stopping = null;
        lock (Gate)
        {
            if (--runs == 0)
            {
                (stopping, ending) = (stop, sweeper);
                (stop, sweeper) = (null, null);
                stopping!.Set();
            }
        }

        ending?.Join();
        stopping?.Dispose();
    }

    private static void Sweep(ManualResetEventSlim stopping)
    {
        var collapse = true;
        while (!stopping.Wait(Interval))
        {
            IReadOnlyList<Mapping> mappings;
            try
            {
                mappings = ReadMappings();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return; // no /proc/self/maps to read: nothing to ask for
            }

            collapse = AdviseAll(mappings, collapse, Advise);
        }
    }

    /// <summary>
    /// One sweep: marks every mapping <c>MADV_HUGEPAGE</c> and, while <paramref name="collapse"/>, asks for the
    /// 2 MiB-aligned part of each writable one to be collapsed. Returns whether to collapse on the next sweep: not
    /// after <c>EINVAL</c>, a kernel before 6.1 (faults in marked mappings still get 2 MiB pages there).
    /// </summary>
    /// <param name="advise">madvise: (start, length, advice) to 0 or the errno of a refusal.</param>
    internal static bool AdviseAll(IReadOnlyList<Mapping> mappings, bool collapse, Func<long, long, int, int> advise)
    {
        foreach (var mapping in mappings)
        {
            _ = advise(mapping.Start, mapping.End - mapping.Start, MadvHugePage);
            var start = (mapping.Start + HugePageBytes - 1) & ~(HugePageBytes - 1);
            var end = mapping.End & ~(HugePageBytes - 1);
            if (collapse && mapping.Writable && end > start && advise(start, end - start, MadvCollapse) == EINVAL)
            {
                collapse = false;
            }
        }

        return collapse;
    }

    // 0, or the errno of a refused call. Refusals are expected and harmless: a range the collector just released, a
    // page that cannot move now (EAGAIN), no free 2 MiB page (ENOMEM); the next sweep asks again.
    private static int Advise(long start, long length, int advice) =>
        madvise((nint)start, (nuint)length, advice) == 0 ? 0 : Marshal.GetLastSystemError();

    /// <summary>The private anonymous mappings of <c>/proc/self/maps</c> (no file, no name such as <c>[stack]</c>).</summary>
    internal static IReadOnlyList<Mapping> ReadMappings() => ParseMappings(File.ReadLines("/proc/self/maps"));

    /// <summary>The private anonymous mappings among lines in the format of <c>/proc/PID/maps</c>.</summary>
    internal static IReadOnlyList<Mapping> ParseMappings(IEnumerable<string> lines)
    {
        var mappings = new List<Mapping>();
        foreach (var line in lines)
        {
            // address perms offset dev inode [path]
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5 || (fields.Length == 6 && fields[5].Trim().Length > 0) || fields[4] != "0" || fields[1].Length < 4 || fields[1][3] != 'p')
            {
                continue;
            }

            var range = fields[0].Split('-');
            mappings.Add(new Mapping(
                long.Parse(range[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                long.Parse(range[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                fields[1].StartsWith("rw", StringComparison.Ordinal)));
        }

        return mappings;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint address, nuint length, int advice);

    /// <summary>One mapping: [Start, End) and whether it is readable and writable.</summary>
    internal readonly record struct Mapping(long Start, long End, bool Writable);

    private sealed class Ending(Action? end = null) : IDisposable
    {
        private Action? _end = end;

        public void Dispose() => Interlocked.Exchange(ref _end, null)?.Invoke();
    }
}
