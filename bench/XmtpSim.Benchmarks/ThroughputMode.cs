using System.Diagnostics;
using System.Globalization;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Benchmarks;

/// <summary>
/// <c>-- throughput [pairs] [hops] [rounds]</c>: raw Akka ping-pong and the engine's ping-pong back to back
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
        Console.WriteLine($"{pairs} pairs x {hops} hops = {(long)pairs * hops:N0} messages per round, {rounds} rounds after 1 warm-up, {Environment.ProcessorCount} cores");

        var raw = Measure("raw Akka (default dispatcher)", rounds, () => new RawAkkaPingPong(pairs, hops), r => r.Run(), r => r.Messages);
        var results = new List<(string Name, double Rate)> { ("raw Akka", raw) };
        foreach (var parallelism in new[] { 1, 2 })
        {
            var rate = Measure($"engine, Parallelism = {parallelism}", rounds,
                () => new EnginePingPong(pairs, hops, parallelism), e => e.Run(), e => e.Messages);
            results.Add(($"engine P={parallelism}", rate));
        }

        Console.WriteLine();
        Console.WriteLine("| Workload | Messages / s (median) | vs raw Akka |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, rate) in results)
        {
            Console.WriteLine($"| {name} | {rate:N0} | {rate / raw:P1} |");
        }

        Console.WriteLine();
        JournalShare((long)pairs * hops);
        return 0;
    }

    /// <summary>
    /// Breakdown: what the hash-only journal alone costs per delivered message (one send and one deliver
    /// event, serialized and hashed exactly as the engine does), to set against the engine's time per message.
    /// </summary>
    private static void JournalShare(long messages)
    {
        for (var round = 0; round < 2; round++)
        {
            using var journal = new JournalWriter();
            var watch = Stopwatch.StartNew();
            for (var i = 0L; i < messages; i++)
            {
                journal.Append(new SendEvent(i * 1000, "a17", "b17", nameof(Hop), 100, (i * 1000) + EnginePingPong.LatencyNanos));
                journal.Append(new DeliverEvent(i * 1000, "a17", "b17", nameof(Hop)));
            }

            watch.Stop();
            Console.WriteLine($"journal alone (send + deliver, hash only){(round == 0 ? " warm-up" : string.Empty)}: " +
                $"{watch.Elapsed.TotalNanoseconds / messages:N0} ns per message");
        }
    }

    private static double Measure<T>(string name, int rounds, Func<T> create, Action<T> run, Func<T, long> messages)
        where T : IDisposable
    {
        var rates = new List<double>();
        for (var round = 0; round <= rounds; round++)
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
                $"{name,-32} {(round == 0 ? "warm-up" : $"round {round}"),-8} {watch.Elapsed.TotalMilliseconds,9:N1} ms " +
                $"{rate,14:N0} msg/s {allocated / (double)messages(workload),8:N1} B/msg  gen0 {GC.CollectionCount(0) - gen0Before}");
            if (round > 0)
            {
                rates.Add(rate);
            }
        }

        rates.Sort();
        return rates[rates.Count / 2];
    }
}
