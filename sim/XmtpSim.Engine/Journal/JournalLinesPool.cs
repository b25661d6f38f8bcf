namespace XmtpSim.Engine.Journal;

/// <summary>
/// Entry lists for <see cref="JournalLines"/>, shared by all actors of an engine. An actor takes a list at its
/// first journal line in an instant and gives it back when the engine has merged its lines, so a run holds as
/// many lists as actors ever journaled in one instant, not one per actor. Safe to use from several threads when
/// made <c>concurrent</c>; otherwise (the engine running one handler at a time) it takes no lock.
/// </summary>
internal sealed class JournalLinesPool(bool concurrent = true)
{
    private readonly Stack<List<JournalEntry>> _free = [];

    /// <summary>Lists made so far (the most ever in use at once).</summary>
    public int Made { get; private set; }

    /// <summary>A free list, empty.</summary>
    public List<JournalEntry> Rent()
    {
        if (!concurrent)
        {
            return TakeOrMake();
        }

        lock (_free)
        {
            return TakeOrMake();
        }
    }

    /// <summary>Empties <paramref name="entries"/> and makes it free again.</summary>
    public void Return(List<JournalEntry> entries)
    {
        entries.Clear();
        if (!concurrent)
        {
            _free.Push(entries);
            return;
        }

        lock (_free)
        {
            _free.Push(entries);
        }
    }

    private List<JournalEntry> TakeOrMake()
    {
        if (_free.TryPop(out var entries))
        {
            return entries;
        }

        Made++;
        return [];
    }
}
