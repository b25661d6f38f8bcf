namespace XmtpSim.Checks.Recording;

/// <summary>
/// A misbehavior report seen in the journal: any event of kind <c>misbehavior_report</c>. Its fields are read
/// generically (no such event type exists yet): the accused is the field <c>accused</c> (else <c>node</c>), the
/// reporter the field <c>reporter</c>.
/// </summary>
/// <param name="TimeNs">Simulated time, nanoseconds.</param>
/// <param name="Accused">The accused node's actor name, or empty.</param>
/// <param name="Reporter">Who reported, or empty.</param>
/// <param name="Fields">The event's fields as canonical JSON.</param>
public sealed record MisbehaviorReportRecord(long TimeNs, string Accused, string Reporter, string Fields);
