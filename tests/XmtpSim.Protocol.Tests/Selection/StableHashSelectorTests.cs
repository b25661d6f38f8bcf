using System.Security.Cryptography;
using XmtpSim.Protocol.Selection;

namespace XmtpSim.Protocol.Tests.Selection;

public sealed class StableHashSelectorTests
{
    private static readonly uint[] Nodes = [300, 100, 200];

    [Fact]
    public void Picks_the_first_ring_position_above_the_topic_hash()
    {
        for (var i = 0; i < 200; i++)
        {
            var identifier = BitConverter.GetBytes(i);
            var h = (ulong)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(identifier));
            const ulong spacing = 0xFFFFFFFFUL / 3;
            // Node index i sits at i·spacing; the first index whose position is above h wins, wrapping to 0.
            var expected = h < spacing ? 200u : h < 2 * spacing ? 300u : 100u;
            Assert.Equal(expected, StableHashSelector.Select(identifier, Nodes));
        }
    }

    [Fact]
    public void Banned_nodes_are_skipped_walking_forward_and_all_banned_gives_none()
    {
        var identifier = "group"u8.ToArray();
        var first = StableHashSelector.Select(identifier, Nodes)!.Value;
        var second = StableHashSelector.Select(identifier, Nodes, new HashSet<uint> { first })!.Value;
        var sorted = Nodes.Order().ToList();
        Assert.Equal(sorted[(sorted.IndexOf(first) + 1) % 3], second);
        Assert.Null(StableHashSelector.Select(identifier, Nodes, new HashSet<uint>(Nodes)));
        Assert.Null(StableHashSelector.Select(identifier, []));
    }

    [Fact]
    public void Topics_spread_over_all_nodes()
    {
        var counts = Enumerable.Range(0, 3000)
            .Select(i => StableHashSelector.Select(BitConverter.GetBytes(i), Nodes)!.Value)
            .CountBy(id => id).ToDictionary();
        Assert.All(Nodes, n => Assert.InRange(counts[n], 850, 1150));
    }
}
