using System.Buffers;
using System.Text.Json;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// Formatting buffers for <see cref="JournalLines"/>, shared by all actors of an engine. An actor takes a set at
/// its first journal line in an instant and gives it back when the engine has merged its lines, so a run holds
/// as many sets as actors ever journaled in one instant, not one per actor. Safe to use from several threads.
/// </summary>
internal sealed class JournalLinesPool
{
    private readonly Stack<Buffers> _free = [];

    /// <summary>Buffers made so far (the most ever in use at once).</summary>
    public int Made { get; private set; }

    /// <summary>A free set of buffers, empty.</summary>
    public Buffers Rent()
    {
        lock (_free)
        {
            if (_free.TryPop(out var buffers))
            {
                return buffers;
            }

            Made++;
        }

        return new Buffers();
    }

    /// <summary>Empties <paramref name="buffers"/> and makes them free again.</summary>
    public void Return(Buffers buffers)
    {
        buffers.Bytes.ResetWrittenCount();
        buffers.Events.Clear();
        buffers.Network.Clear();
        lock (_free)
        {
            _free.Push(buffers);
        }
    }

    /// <summary>One actor's lines of one instant: bytes, and the events and network entries for observers.</summary>
    internal sealed class Buffers
    {
        public Buffers() => Json = new Utf8JsonWriter(Bytes);

        public ArrayBufferWriter<byte> Bytes { get; } = new(256);

        public Utf8JsonWriter Json { get; }

        public List<JournalEvent> Events { get; } = [];

        public List<NetworkEntry> Network { get; } = [];
    }
}
