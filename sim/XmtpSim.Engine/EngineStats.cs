namespace XmtpSim.Engine;

/// <summary>Counters of one run.</summary>
public sealed record EngineStats(
    long Events,
    long MessagesSent,
    long MessagesDelivered,
    long MessagesDropped,
    long BytesSent,
    long JournalEvents,
    long FinalTimeNs);
