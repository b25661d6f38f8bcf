namespace XmtpSim.Engine.Journal;

/// <summary>
/// One journal line as an actor recorded it: a network line's fields (names by reference), or a protocol
/// event. Turning it into bytes waits for the journal's own thread (<see cref="JournalFormatter"/>), so the
/// simulation thread only copies these values. Everything an entry refers to is immutable.
/// </summary>
/// <param name="Extra">The event of an <see cref="JournalEntryKind.Event"/> entry, or the reason of a drop.</param>
internal readonly record struct JournalEntry(
    JournalEntryKind Kind, long TimeNs, JournalName? From, JournalName? To, JournalName? Message, int Bytes, long ArrivalNs, object? Extra)
{
    /// <summary>The event of an <see cref="JournalEntryKind.Event"/> entry.</summary>
    public JournalEvent? Event => Extra as JournalEvent;

    /// <summary>The reason of a drop.</summary>
    public JournalName? Reason => Extra as JournalName;

    public bool IsNetwork => Kind != JournalEntryKind.Event;

    public static JournalEntry Send(long timeNs, JournalName from, JournalName to, JournalName message, int bytes, long arrivalNs) =>
        new(JournalEntryKind.Send, timeNs, from, to, message, bytes, arrivalNs, null);

    public static JournalEntry Deliver(long timeNs, JournalName from, JournalName to, JournalName message) =>
        new(JournalEntryKind.Deliver, timeNs, from, to, message, 0, 0, null);

    public static JournalEntry Drop(long timeNs, JournalName from, JournalName to, JournalName message, JournalName reason) =>
        new(JournalEntryKind.Drop, timeNs, from, to, message, 0, 0, reason);

    public static JournalEntry Of(JournalEvent journalEvent) =>
        new(JournalEntryKind.Event, journalEvent.TimeNs, null, null, null, 0, 0, journalEvent);

    /// <summary>What a network line says, for traffic observers.</summary>
    public NetworkEntry ToNetworkEntry() => Kind switch
    {
        JournalEntryKind.Send => new NetworkEntry("send", TimeNs, From!.Text, To!.Text, Message!.Text, Bytes, ArrivalNs, null),
        JournalEntryKind.Deliver => new NetworkEntry("deliver", TimeNs, From!.Text, To!.Text, Message!.Text, 0, 0, null),
        JournalEntryKind.Drop => new NetworkEntry("drop", TimeNs, From!.Text, To!.Text, Message!.Text, 0, 0, Reason!.Text),
        _ => throw new InvalidOperationException("an event entry is not a network line"),
    };
}

/// <summary>The line a <see cref="JournalEntry"/> stands for.</summary>
internal enum JournalEntryKind : byte
{
    Event,
    Send,
    Deliver,
    Drop,
}
