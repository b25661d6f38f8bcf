using System.Text.Json;

namespace XmtpSim.Engine.Journal;

/// <summary>A message left its sender.</summary>
public sealed record SendEvent(long TimeNs, string From, string To, string Message, int Bytes, long ArrivalNs) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "send";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString(JournalPropertyNames.From, From);
        writer.WriteString(JournalPropertyNames.To, To);
        writer.WriteString(JournalPropertyNames.Msg, Message);
        writer.WriteNumber(JournalPropertyNames.Bytes, Bytes);
        writer.WriteNumber(JournalPropertyNames.Arrive, ArrivalNs);
    }
}

/// <summary>A message was handed to its receiver.</summary>
public sealed record DeliverEvent(long TimeNs, string From, string To, string Message) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "deliver";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString(JournalPropertyNames.From, From);
        writer.WriteString(JournalPropertyNames.To, To);
        writer.WriteString(JournalPropertyNames.Msg, Message);
    }
}

/// <summary>A message never arrived: a partition, a crashed receiver, or a stale timer.</summary>
public sealed record DropEvent(long TimeNs, string From, string To, string Message, string Reason) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "drop";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString(JournalPropertyNames.From, From);
        writer.WriteString(JournalPropertyNames.To, To);
        writer.WriteString(JournalPropertyNames.Msg, Message);
        writer.WriteString(JournalPropertyNames.Reason, Reason);
    }
}

/// <summary>A fault began or ended (partition, heal, crash, restart, latency change, reset).</summary>
public sealed record FaultEvent(long TimeNs, string Fault, string Detail) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "fault";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString(JournalPropertyNames.Fault, Fault);
        writer.WriteString(JournalPropertyNames.Detail, Detail);
    }
}

/// <summary>Pre-encoded JSON property names of the network events (written once per message; same bytes as the literals).</summary>
internal static class JournalPropertyNames
{
    public static readonly JsonEncodedText Arrive = JsonEncodedText.Encode("arrive");

    public static readonly JsonEncodedText Bytes = JsonEncodedText.Encode("bytes");

    public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");

    public static readonly JsonEncodedText Fault = JsonEncodedText.Encode("fault");

    public static readonly JsonEncodedText From = JsonEncodedText.Encode("from");

    public static readonly JsonEncodedText Msg = JsonEncodedText.Encode("msg");

    public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");

    public static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
}
