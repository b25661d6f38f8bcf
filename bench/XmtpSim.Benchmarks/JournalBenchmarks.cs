using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using XmtpSim.Actors.Journal;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Benchmarks;

/// <summary>
/// One journal line of the day's most frequent protocol event (a client's apply, 71 million of them), formatted on
/// the journal's thread: the event as it is written, against the same fields with UTF-16 property names, which the
/// writer checks for escaping and transcodes on every line. Both write the same bytes (checked at set-up).
/// </summary>
[MemoryDiagnoser]
public class JournalBenchmarks : IDisposable
{
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private JournalFormatter _formatter = null!;
    private ClientApplyEvent _apply = null!;
    private StringNamedApply _reference = null!;

    [GlobalSetup]
    public void Setup()
    {
        _formatter = new JournalFormatter(_output);
        _apply = new ClientApplyEvent(
            123_456_789_000, "client-48213", "groupMessagesV1/0a1b2c3d4e5f60718293a4b5c6d7e8f9", 3, 1_234_567, 123_400_000_000,
            "client-9127", "{\"0\":4711,\"3\":1234566}", false, "node-3", 4_200);
        _reference = new StringNamedApply(_apply);
        if (!Line(_apply).SequenceEqual(Line(_reference)))
        {
            throw new InvalidOperationException("the two events do not write the same line");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _formatter.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>UTF-16 property names (the events' form before they wrote UTF-8 literals).</summary>
    [Benchmark(Baseline = true)]
    public int StringNames() => Format(_reference);

    /// <summary>The event as the simulator writes it.</summary>
    [Benchmark]
    public int Utf8Names() => Format(_apply);

    private int Format(JournalEvent journalEvent)
    {
        _output.ResetWrittenCount();
        _formatter.Write(journalEvent);
        return _output.WrittenCount;
    }

    private byte[] Line(JournalEvent journalEvent)
    {
        Format(journalEvent);
        return _output.WrittenSpan.ToArray();
    }

    private sealed record StringNamedApply(ClientApplyEvent Apply) : JournalEvent(Apply.TimeNs)
    {
        public override string Kind => Apply.Kind;

        public override void WriteFields(Utf8JsonWriter writer)
        {
            writer.WriteString("client", Apply.Client);
            writer.WriteString("topic", Apply.Topic);
            writer.WriteNumber("o", Apply.Originator);
            writer.WriteNumber("s", Apply.Sequence);
            writer.WriteNumber("published", Apply.PublishedNs);
            writer.WriteString("sender", Apply.Sender);
            writer.WriteString("deps", Apply.DependsOn);
            writer.WriteBoolean("dropped_dep", Apply.DependencyDropped);
            writer.WriteString("node", Apply.ReadNode);
            writer.WriteNumber("fee", Apply.FeePicodollars);
        }
    }
}
