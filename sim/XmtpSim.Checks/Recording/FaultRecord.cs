namespace XmtpSim.Checks.Recording;

/// <summary>A fault began or ended (journal kind <c>fault</c>).</summary>
/// <param name="TimeNs">Simulated time, nanoseconds.</param>
/// <param name="Fault">partition | block | heal | crash | restart | latency | reset | byzantine.</param>
/// <param name="Detail">The engine's detail text (actor names, durations).</param>
public sealed record FaultRecord(long TimeNs, string Fault, string Detail);
