using System.Runtime.InteropServices;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// One actor's journal lines for the current instant, recorded where the actor runs (possibly on a worker
/// thread) as <see cref="JournalEntry"/> values. The engine's serial merge hands them to the
/// <see cref="JournalWriter"/> in order; the writer's own thread turns them into bytes.
/// </summary>
internal sealed class JournalLines : IDisposable
{
    private readonly JournalLinesPool _pool;

    // Taken from the pool at an instant's first line and given back by Clear: a run has one of these per actor
    // (100,000 clients on mainnet-day), but only the actors that run in an instant hold a list.
    private List<JournalEntry>? _entries;

    /// <summary>Lines recorded into lists from <paramref name="pool"/>.</summary>
    public JournalLines(JournalLinesPool pool) => _pool = pool;

    /// <summary>The lines, in order.</summary>
    public ReadOnlySpan<JournalEntry> Entries => CollectionsMarshal.AsSpan(_entries);

    /// <summary>Lines buffered.</summary>
    public int Count => _entries?.Count ?? 0;

    /// <summary>True when some line is a protocol or fault event (not a network line).</summary>
    public bool HasEvents { get; private set; }

    public void Add(JournalEvent journalEvent)
    {
        List().Add(JournalEntry.Of(journalEvent));
        HasEvents = true;
    }

    public void AddSend(long timeNs, JournalName from, JournalName to, JournalName message, int bytes, long arrivalNs) =>
        List().Add(JournalEntry.Send(timeNs, from, to, message, bytes, arrivalNs));

    public void AddDeliver(long timeNs, JournalName from, JournalName to, JournalName message) =>
        List().Add(JournalEntry.Deliver(timeNs, from, to, message));

    public void AddDrop(long timeNs, JournalName from, JournalName to, JournalName message, JournalName reason) =>
        List().Add(JournalEntry.Drop(timeNs, from, to, message, reason));

    public void Dispose() => Clear();

    /// <summary>Drops the lines and gives the list back to the pool.</summary>
    public void Clear()
    {
        HasEvents = false;
        if (_entries is { } entries)
        {
            _entries = null;
            _pool.Return(entries);
        }
    }

    private List<JournalEntry> List() => _entries ??= _pool.Rent();
}
