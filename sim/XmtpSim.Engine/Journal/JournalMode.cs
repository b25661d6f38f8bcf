namespace XmtpSim.Engine.Journal;

/// <summary>Where the journal goes. The hash always covers every event.</summary>
public enum JournalMode
{
    /// <summary>journal.ndjson, one line per event.</summary>
    Full,

    /// <summary>journal.ndjson.gz.</summary>
    Compressed,

    /// <summary>No file; only journal_sha256 (for very large runs).</summary>
    HashOnly,
}
