using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Protocol.Tests.Cursors;

public sealed class DependsOnCheckTests
{
    private static KeyValuePair<uint, ulong>[] Entries(params (uint, ulong)[] e) => e.Select(x => KeyValuePair.Create(x.Item1, x.Item2)).ToArray();

    [Fact]
    public void Accepts_dependencies_on_indexed_chain_originators()
    {
        var node = VectorClock.Of((0, 10), (1, 3), (100, 50));
        Assert.True(DependsOnCheck.Check(Entries((0, 10), (1, 2)), node).Accepted);
        Assert.True(DependsOnCheck.Check([], node).Accepted);
    }

    [Fact]
    public void Rejects_node_originators_unseen_originators_and_unindexed_sequences()
    {
        var node = VectorClock.Of((0, 10));
        Assert.Equal(DependsOnRejection.NodeOriginator, DependsOnCheck.Check(Entries((100, 1)), node).Rejection);
        Assert.Equal(DependsOnRejection.OriginatorNotSeen, DependsOnCheck.Check(Entries((1, 1)), node).Rejection);
        Assert.Equal(DependsOnRejection.OriginatorNotSeen, DependsOnCheck.Check(Entries((1, 0)), node).Rejection);
        var ahead = DependsOnCheck.Check(Entries((0, 11)), node);
        Assert.Equal(DependsOnRejection.NotYetIndexed, ahead.Rejection);
        Assert.Contains("0:11", ahead.Describe(), StringComparison.Ordinal);
    }
}
