using System.Collections.Concurrent;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// Hands filled chunks to one consumer thread, strictly in the order they were handed, and gives back an
/// empty chunk to keep filling. The thread starts with the first chunk (a short journal never starts one).
/// At most <see cref="InFlight"/> chunks wait, so a slow consumer slows the producer instead of using memory.
/// A consumer failure is rethrown to the producer on its next call.
/// </summary>
/// <param name="consume">What the consumer thread does with each chunk.</param>
/// <param name="reset">Empties a consumed chunk for reuse (on the consumer thread).</param>
/// <param name="create">Makes a new empty chunk when none is free.</param>
internal sealed class ChunkPipeline<T>(Action<T> consume, Action<T> reset, Func<T> create) : IDisposable
    where T : class
{
    private const int InFlight = 4;

    private readonly BlockingCollection<T> _full = new(InFlight);
    private readonly ConcurrentBag<T> _empty = [];
    private Thread? _thread;
    private Exception? _failure;

    /// <summary>True once a chunk was handed (the consumer thread exists).</summary>
    public bool Started => _thread is not null;

    /// <summary>True when the consumer failed (the next <see cref="Hand"/> or <see cref="Drain"/> throws).</summary>
    public bool Failed => Volatile.Read(ref _failure) is not null;

    /// <summary>Queues <paramref name="filled"/> and returns an empty chunk to write into next.</summary>
    public T Hand(T filled)
    {
        ThrowIfFailed();
        if (_thread is null)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "journal" };
            _thread.Start();
        }

        _full.Add(filled);
        return _empty.TryTake(out var next) ? next : create();
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
                    consume(chunk);
                }
                catch (Exception ex)
                {
                    // Kept and rethrown to the producer: the journal must not look complete when it is not.
                    _failure = ex;
                }
            }

            reset(chunk);
            _empty.Add(chunk);
        }
    }

    private void ThrowIfFailed()
    {
        var failure = Volatile.Read(ref _failure);
        switch (failure)
        {
            case null:
                return;
            case IOException or UnauthorizedAccessException:
                throw new IOException($"the journal could not be written: {failure.Message}", failure);
            default:
                // A formatting or background-observer failure: the run's record is incomplete, so the run fails.
                throw new InvalidOperationException($"the journal's thread failed: {failure.Message}", failure);
        }
    }
}
