namespace XmtpSim.Scenarios;

/// <summary>What the run writes as its event journal (scenario key <c>journal</c>).</summary>
public enum JournalMode
{
    /// <summary><c>journal.ndjson</c>, one line per event (<c>full</c>, the default).</summary>
    Full,

    /// <summary>The same lines, gzip-compressed (<c>compressed</c>); the hash is over the uncompressed lines.</summary>
    Compressed,

    /// <summary>No journal file, only <c>journal_sha256</c> (<c>hash-only</c>), for very long runs.</summary>
    HashOnly,
}
