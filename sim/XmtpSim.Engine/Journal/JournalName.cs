using System.Collections.Concurrent;
using System.Text;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// A name that appears in network journal lines (an actor, a message type, a drop reason) with its UTF-8 bytes
/// encoded once, so the hot send and deliver paths copy bytes instead of looking the name up per line.
/// <see cref="Utf8"/> is null when the name needs JSON escaping; such lines go through <c>Utf8JsonWriter</c>.
/// </summary>
internal sealed class JournalName
{
    private static readonly ConcurrentDictionary<Type, JournalName> TypeNames = new();

    private JournalName(string text)
    {
        Text = text;
        Utf8 = JournalFormatter.IsPlain(text) ? Encoding.ASCII.GetBytes(text) : null;
    }

    /// <summary>The name.</summary>
    public string Text { get; }

    /// <summary>Its bytes when it needs no escaping; otherwise null.</summary>
    public byte[]? Utf8 { get; }

    /// <summary>A name for an actor or a fixed text such as a drop reason; made once and kept by its owner (a slot, a static field).</summary>
    public static JournalName Of(string name) => new(name);

    /// <summary>The journal name of a message type (its short type name), cached per type.</summary>
    public static JournalName ForType(Type type) => TypeNames.GetOrAdd(type, static t => new JournalName(t.Name));
}
