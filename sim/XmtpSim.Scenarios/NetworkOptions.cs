namespace XmtpSim.Scenarios;

/// <summary>The broadcast network (scenario key <c>network</c>).</summary>
/// <param name="Nodes">Broadcast nodes (originators), at least 1; ids are 100, 200, 300, … (default 3).</param>
/// <param name="Gateways">Payer services, at least 1, each with its own payer key (default 1).</param>
/// <param name="Regions">Regions in file order; empty means one region holding every node and client (default empty).</param>
/// <param name="Latency">One-way link latency.</param>
/// <param name="Loss">Probability 0..1 that a link loses a message; over TCP that costs a retransmission (RTO 200 ms, doubling), not data (default 0).</param>
/// <param name="Duplicate">Probability 0..1 that a message is delivered twice (default 0).</param>
/// <param name="BandwidthBitsPerSecond">Per node uplink, bits per second (default 1Gbps = 1e9).</param>
/// <param name="NodePollInterval">xmtpd's database poll on originator and receiver (default 100ms).</param>
public sealed record NetworkOptions(
    int Nodes,
    int Gateways,
    IReadOnlyList<RegionOptions> Regions,
    LatencyOptions Latency,
    double Loss,
    double Duplicate,
    long BandwidthBitsPerSecond,
    TimeSpan NodePollInterval)
{
    /// <summary>Spacing of node ids: node i (0-based) has id (i + 1) × 100, as in the NodeRegistry.</summary>
    public const int NodeIdStep = 100;

    /// <summary>The node ids of this network: 100, 200, … up to <see cref="Nodes"/> × 100.</summary>
    public IReadOnlyList<int> NodeIds => Enumerable.Range(1, Nodes).Select(i => i * NodeIdStep).ToArray();

    /// <summary>Whether <paramref name="id"/> names a node of this network.</summary>
    public bool HasNode(int id) => id > 0 && id % NodeIdStep == 0 && id / NodeIdStep <= Nodes;
}
