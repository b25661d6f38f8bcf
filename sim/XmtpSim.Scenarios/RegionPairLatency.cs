using XmtpSim.Scenarios.Distributions;

namespace XmtpSim.Scenarios;

/// <summary>
/// One entry of <c>network.latency.between</c> (<c>from/to: dist</c>): one-way latency from region
/// <see cref="From"/> to region <see cref="To"/>. It also applies in the reverse direction unless
/// the file gives that direction too.
/// </summary>
public sealed record RegionPairLatency(string From, string To, DurationDistribution Latency);
