namespace XmtpSim.Checks.Results;

/// <summary>A fault as journaled.</summary>
/// <param name="AtNs">Simulated time, nanoseconds.</param>
/// <param name="Fault">partition | block | heal | crash | restart | latency | reset | byzantine.</param>
/// <param name="Detail">The engine's detail text.</param>
public sealed record FaultEntry(long AtNs, string Fault, string Detail);
