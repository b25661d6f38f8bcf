namespace XmtpSim.Checks.Results;

/// <summary>A misbehavior report as journaled.</summary>
/// <param name="AtNs">Simulated time, nanoseconds.</param>
/// <param name="Accused">Accused node.</param>
/// <param name="Reporter">Who reported.</param>
/// <param name="Fields">The report event's fields as JSON.</param>
public sealed record MisbehaviorReportEntry(long AtNs, string Accused, string Reporter, string Fields);
