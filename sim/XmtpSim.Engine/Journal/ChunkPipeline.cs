using System.Buffers;
using System.Collections.Concurrent;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// Hands filled buffers to one consumer thread, strictly in the order they were handed, and gives back an
/// empty buffer to keep filling. The thread starts with the first chunk (a short journal never starts one).
/// At most <see cref="InFlight"/> chunks wait, so a slow consumer slows the producer instead of using memory.
/// A consumer failure is rethrown to the producer on its next call.
/// </summary>
internal sealed class ChunkPipeline(ChunkPipeline.Consumer consume) : IDisposable
{
    private const int InFlight = 4;

    private readonly BlockingCollection<ArrayBufferWriter<byte>> _full = new(InFlight);
    private readonly ConcurrentBag<ArrayBufferWriter<byte>> _empty = [];
    private Thread? _thread;
    private Exception? _failure;

    /// <summary>What the consumer thread does with each chunk.</summary>
    public delegate void Consumer(ReadOnlySpan<byte> chunk);

    /// <summary>Queues <paramref name="filled"/> and returns an empty buffer to write into next.</summary>
    public ArrayBufferWriter<byte> Hand(ArrayBufferWriter<byte> filled)
    {
        ThrowIfFailed();
        if (_thread is null)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "journal-hash" };
            _thread.Start();
        }

        _full.Add(filled);
        if (_empty.TryTake(out var next))
        {
            return next;
        }

        return new ArrayBufferWriter<byte>(filled.Capacity);
    }

    /// <summary>Waits until every handed chunk is consumed; rethrows a consumer failure.</summary>
    public void Drain()
    {
        _full.CompleteAdding();
        _thread?.Join();
        ThrowIfFailed();
    }

    /// <summary>
    /// Stops the thread after what was handed is consumed. Does not throw: it runs while an aborted run
    /// unwinds, whose own exception is the one to report (a consumer failure surfaces in Hand or Drain).
    /// </summary>
    public void Dispose()
    {
        if (!_full.IsAddingCompleted)
        {
            _full.CompleteAdding();
        }

        _thread?.Join();
        _full.Dispose();
    }

    private void Run()
    {
        foreach (var chunk in _full.GetConsumingEnumerable())
        {
            if (_failure is null)
            {
                try
                {
                    consume(chunk.WrittenSpan);
                }
                catch (Exception ex)
                {
                    // Kept and rethrown to the producer: the journal must not look complete when it is not.
                    _failure = ex;
                }
            }

            chunk.ResetWrittenCount();
            _empty.Add(chunk);
        }
    }

    private void ThrowIfFailed()
    {
        var failure = Volatile.Read(ref _failure);
        if (failure is not null)
        {
            throw new IOException($"the journal could not be written: {failure.Message}", failure);
        }
    }
}
