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
        writer.WriteString("from", From);
        writer.WriteString("to", To);
        writer.WriteString("msg", Message);
        writer.WriteNumber("bytes", Bytes);
        writer.WriteNumber("arrive", ArrivalNs);
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
        writer.WriteString("from", From);
        writer.WriteString("to", To);
        writer.WriteString("msg", Message);
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
        writer.WriteString("from", From);
        writer.WriteString("to", To);
        writer.WriteString("msg", Message);
        writer.WriteString("reason", Reason);
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
        writer.WriteString("fault", Fault);
        writer.WriteString("detail", Detail);
    }
}
