using System.Text.Json;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// One line of the journal. The canonical form is a JSON object with "t" (simulated nanoseconds) and "k"
/// (the kind) first, then the kind's fields in a fixed order: the same run always writes the same bytes.
/// An event must be immutable (strings and numbers): it is formatted later, on the journal's own thread.
/// </summary>
public abstract record JournalEvent(long TimeNs)
{
    /// <summary>Kind tag written as "k".</summary>
    public abstract string Kind { get; }

    /// <summary>Writes the fields after "t" and "k", in a fixed order.</summary>
    public abstract void WriteFields(Utf8JsonWriter writer);
}
