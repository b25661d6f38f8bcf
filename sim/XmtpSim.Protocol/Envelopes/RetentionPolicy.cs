namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// message_retention_days rules (spec §12, xmtpd <c>validateExpiry</c>) and the expiry the originator
/// signs.
/// </summary>
public static class RetentionPolicy
{
    /// <summary>Fewest days a node accepts.</summary>
    public const uint MinDays = 2;

    /// <summary>Most days a node accepts, other than <see cref="NeverExpire"/>.</summary>
    public const uint MaxDays = 365;

    /// <summary>The "keep forever" sentinel, 0xFFFFFFFF.</summary>
    public const uint NeverExpire = uint.MaxValue;

    /// <summary>Default a gateway requests (<c>DefaultStorageDurationDays</c>), days.</summary>
    public const uint GatewayDefaultDays = 60;

    /// <summary>Seconds per retention day.</summary>
    public const long SecondsPerDay = 86_400;

    /// <summary>True for 2..365 or 0xFFFFFFFF.</summary>
    public static bool IsAccepted(uint retentionDays) =>
        retentionDays == NeverExpire || retentionDays is >= MinDays and <= MaxDays;

    /// <summary>Null when accepted; otherwise the error the node answers with.</summary>
    public static EnvelopeError? Check(uint retentionDays)
    {
        if (retentionDays < MinDays)
        {
            return new EnvelopeError(
                EnvelopeErrorCode.RetentionOutOfRange, $"message_retention_days must be >= {MinDays}, got {retentionDays}");
        }

        return retentionDays != NeverExpire && retentionDays > MaxDays
            ? new EnvelopeError(
                EnvelopeErrorCode.RetentionOutOfRange,
                $"message_retention_days must be <= {MaxDays} (or 0xFFFFFFFF), got {retentionDays}")
            : null;
    }

    /// <summary>
    /// expiry_unixtime as xmtpd's registrant signs it: <c>uint64((signing time + 24 h × days).Unix())</c>
    /// with Go <c>time.Duration</c> (int64 nanoseconds) arithmetic. For 2..365 days this is exactly
    /// <c>signingUnixSeconds + 86400 × days</c>. The node has no special case for 0xFFFFFFFF: the
    /// nanosecond product wraps to about −252.75 years, and the negative Unix time cast to uint64
    /// lands near 2^64, i.e. effectively "never" on the wire (while the node's int64 database column
    /// sees it as long past). This method reproduces those exact bytes. Blockchain-originated
    /// envelopes carry 0 instead (never set).
    /// </summary>
    /// <param name="signingUnixSeconds">Originator signing time, whole Unix seconds (from the caller's clock).</param>
    /// <param name="retentionDays">The payer envelope's message_retention_days.</param>
    public static ulong ExpiryUnixSeconds(long signingUnixSeconds, uint retentionDays)
    {
        const long NanosPerSecond = 1_000_000_000L;
        var duration = unchecked(SecondsPerDay * NanosPerSecond * retentionDays); // Go int64 wrap-around
        var seconds = duration / NanosPerSecond; // truncates toward zero, as Go does
        if (duration % NanosPerSecond < 0)
        {
            seconds--; // Go's Time.Add borrows a second for a negative nanosecond remainder
        }

        return unchecked((ulong)(signingUnixSeconds + seconds));
    }
}
