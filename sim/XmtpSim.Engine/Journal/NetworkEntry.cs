namespace XmtpSim.Engine.Journal;

/// <summary>
/// What a network journal line (send, deliver, drop) says, handed to traffic observers without allocating
/// an event object; <see cref="ToEvent"/> makes the equivalent <see cref="JournalEvent"/> when one is wanted.
/// </summary>
/// <param name="Kind">"send", "deliver" or "drop".</param>
/// <param name="TimeNs">Simulated time of the event.</param>
/// <param name="From">Sender actor name.</param>
/// <param name="To">Receiver actor name.</param>
/// <param name="Message">The message type name.</param>
/// <param name="Bytes">Wire bytes (sends; 0 otherwise).</param>
/// <param name="ArrivalNs">Scheduled arrival (sends; 0 otherwise).</param>
/// <param name="Reason">Why it was dropped (drops; null otherwise).</param>
public readonly record struct NetworkEntry(string Kind, long TimeNs, string From, string To, string Message, int Bytes, long ArrivalNs, string? Reason)
{
    /// <summary>The equivalent event object (same journal line).</summary>
    public JournalEvent ToEvent() => Kind switch
    {
        "send" => new SendEvent(TimeNs, From, To, Message, Bytes, ArrivalNs),
        "deliver" => new DeliverEvent(TimeNs, From, To, Message),
        _ => new DropEvent(TimeNs, From, To, Message, Reason ?? string.Empty),
    };
}
