namespace XmtpSim.Engine.Journal;

/// <summary>
/// Entry lists for <see cref="JournalLines"/>, shared by all actors of an engine. An actor takes a list at its
/// first journal line in an instant and gives it back when the engine has merged its lines, so a run holds as
/// many lists as actors ever journaled in one instant, not one per actor. Safe to use from several threads.
/// </summary>
internal sealed class JournalLinesPool
{
    private readonly Stack<List<JournalEntry>> _free = [];

    /// <summary>Lists made so far (the most ever in use at once).</summary>
    public int Made { get; private set; }

    /// <summary>A free list, empty.</summary>
    public List<JournalEntry> Rent()
    {
        lock (_free)
        {
            if (_free.TryPop(out var entries))
            {
                return entries;
            }

            Made++;
        }

        return [];
    }

    /// <summary>Empties <paramref name="entries"/> and makes it free again.</summary>
    public void Return(List<JournalEntry> entries)
    {
        entries.Clear();
        lock (_free)
        {
            _free.Push(entries);
        }
    }
}
