using System.Diagnostics;
using System.Globalization;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Benchmarks;

/// <summary>
/// <c>-- throughput [pairs] [hops] [rounds] [engine-only]</c>: raw Akka ping-pong and the engine's ping-pong back to back
/// in this process (one warm-up round each, then <c>rounds</c> measured rounds, a fresh system per round),
/// printing the median messages per wall-second and the engine / raw-Akka ratio. Seconds, not minutes.
/// </summary>
internal static class ThroughputMode
{
    public const string Command = "throughput";

    public const string JournalCheckCommand = "journal-check";

    /// <summary>
    /// Writes the full journal of a 100-pair × 100-hop run (Parallelism 2, so instants fan out) to <paramref name="path"/> and prints
    /// its SHA-256: compare file and hash before and after an engine change to show the output is unchanged.
    /// </summary>
    public static int JournalCheck(string path)
    {
        using var run = new EnginePingPong(100, 100, parallelism: 2, journalPath: path);
        var stats = run.Run();
        Console.WriteLine($"events {stats.Events}, delivered {stats.MessagesDelivered}, journal {stats.JournalEvents} lines, sha256 {run.JournalHash()}");
        return 0;
    }

    public static int Run(string[] args)
    {
        var pairs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : EngineThroughputBenchmarks.Pairs;
        var hops = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : EngineThroughputBenchmarks.Hops;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        if (args.Length > 3 && args[3] == "engine-only")
        {
            // For profiling the engine alone: Parallelism 1, no raw Akka rounds.
            Measure("engine, Parallelism = 1", rounds, () => new EnginePingPong(pairs, hops, 1), e => e.Run(), e => e.Messages);
            return 0;
        }

        Console.WriteLine($"{pairs} pairs x {hops} hops = {(long)pairs * hops:N0} messages per round, {rounds} rounds after 1 warm-up, {Environment.ProcessorCount} cores");
        Console.WriteLine("Rounds interleave raw Akka, engine P=1 and engine P=2, so drift in machine load hits all three alike;");
        Console.WriteLine("each round's ratio is taken against that round's raw Akka figure.");

        var names = new[] { "raw Akka", "engine P=1", "engine P=2" };
        var rates = names.Select(_ => new List<double>()).ToArray();
        var ratios = names.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round <= rounds; round++)
        {
            var label = round == 0 ? "warm-up" : $"round {round}";
            var raw = MeasureOnce(names[0], label, () => new RawAkkaPingPong(pairs, hops), r => r.Run(), r => r.Messages);
            var p1 = MeasureOnce(names[1], label, () => new EnginePingPong(pairs, hops, 1), e => e.Run(), e => e.Messages);
            var p2 = MeasureOnce(names[2], label, () => new EnginePingPong(pairs, hops, 2), e => e.Run(), e => e.Messages);
            if (round == 0)
            {
                continue;
            }

            double[] measured = [raw, p1, p2];
            for (var i = 0; i < names.Length; i++)
            {
                rates[i].Add(measured[i]);
                ratios[i].Add(measured[i] / raw);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Workload | Messages / s (median) | Range | vs raw Akka (median of per-round ratios) | Ratio range |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var i = 0; i < names.Length; i++)
        {
            Console.WriteLine($"| {names[i]} | {Median(rates[i]):N0} | {rates[i].Min():N0}–{rates[i].Max():N0} | " +
                $"{Median(ratios[i]):P1} | {ratios[i].Min():P1}–{ratios[i].Max():P1} |");
        }

        Console.WriteLine();
        JournalShare((long)pairs * hops);
        return 0;
    }

    /// <summary>
    /// Breakdown: what the hash-only journal alone costs per delivered message (one send and one deliver
    /// line, recorded by an actor's <see cref="JournalLines"/> and appended to the writer exactly as the
    /// engine does), to set against the engine's time per message.
    /// </summary>
    private static void JournalShare(long messages)
    {
        var a17 = JournalName.Of("a17");
        var b17 = JournalName.Of("b17");
        var hop = JournalName.ForType(typeof(Hop));
        for (var round = 0; round < 2; round++)
        {
            using var journal = new JournalWriter();
            using var lines = new JournalLines(new JournalLinesPool());
            var watch = Stopwatch.StartNew();
            for (var i = 0L; i < messages; i++)
            {
                lines.AddSend(i * 1000, a17, b17, hop, 100, (i * 1000) + EnginePingPong.LatencyNanos);
                lines.AddDeliver(i * 1000, a17, b17, hop);
                if ((i & 63) == 63)
                {
                    journal.AppendLines(lines);
                    lines.Clear();
                }
            }

            journal.AppendLines(lines);
            journal.Finish();
            watch.Stop();
            Console.WriteLine($"journal alone (send + deliver, hash only){(round == 0 ? " warm-up" : string.Empty)}: " +
                $"{watch.Elapsed.TotalNanoseconds / messages:N0} ns per message");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double Measure<T>(string name, int rounds, Func<T> create, Action<T> run, Func<T, long> messages)
        where T : IDisposable
    {
        var rates = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var rate = MeasureOnce(name, round == 0 ? "warm-up" : $"round {round}", create, run, messages);
            if (round > 0)
            {
                rates.Add(rate);
            }
        }

        return Median(rates);
    }

    private static double MeasureOnce<T>(string name, string label, Func<T> create, Action<T> run, Func<T, long> messages)
        where T : IDisposable
    {
        using var workload = create();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0Before = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        run(workload);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var rate = messages(workload) / watch.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"{name,-12} {label,-8} {watch.Elapsed.TotalMilliseconds,9:N1} ms " +
            $"{rate,14:N0} msg/s {allocated / (double)messages(workload),8:N1} B/msg  gen0 {GC.CollectionCount(0) - gen0Before}");
        return rate;
    }
}
