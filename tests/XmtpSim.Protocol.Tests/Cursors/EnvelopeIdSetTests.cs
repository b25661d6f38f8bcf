using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Protocol.Tests.Cursors;

public sealed class EnvelopeIdSetTests
{
    [Fact]
    public void Holds_exactly_what_was_added_in_any_order_like_a_hash_set()
    {
        var random = new Random(7);
        var set = new EnvelopeIdSet();
        var reference = new HashSet<EnvelopeId>();
        for (var i = 0; i < 5_000; i++)
        {
            // Mostly increasing per originator, with late and repeated ids mixed in.
            var originator = (uint)(random.Next(4) == 0 ? 0 : 100 * random.Next(1, 4));
            var sequence = (ulong)(random.Next(10) == 0 ? random.Next(1, i + 2) : i + 1);
            var id = new EnvelopeId(originator, sequence);
            Assert.Equal(reference.Add(id), set.Add(id));
        }

        Assert.Equal(reference.Count, set.Count);
        for (uint originator = 0; originator <= 300; originator += 100)
        {
            for (ulong sequence = 0; sequence <= 5_002; sequence++)
            {
                var id = new EnvelopeId(originator, sequence);
                Assert.Equal(reference.Contains(id), set.Contains(id));
            }
        }
    }

    [Fact]
    public void Same_sequence_under_another_originator_is_another_id()
    {
        var set = new EnvelopeIdSet();
        Assert.True(set.Add(new EnvelopeId(100, 7)));
        Assert.False(set.Contains(new EnvelopeId(200, 7)));
        Assert.True(set.Add(new EnvelopeId(200, 7)));
        Assert.False(set.Add(new EnvelopeId(100, 7)));
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void Sequences_past_32_bits_are_kept_apart_from_their_low_bits()
    {
        var set = new EnvelopeIdSet();
        const ulong big = (1UL << 32) + 5;
        Assert.True(set.Add(new EnvelopeId(100, 5)));
        Assert.False(set.Contains(new EnvelopeId(100, big)));
        Assert.True(set.Add(new EnvelopeId(100, big)));
        Assert.True(set.Add(new EnvelopeId(100, ulong.MaxValue)));
        Assert.True(set.Add(new EnvelopeId(100, uint.MaxValue)));
        Assert.False(set.Add(new EnvelopeId(100, big)));
        Assert.True(set.Contains(new EnvelopeId(100, big)));
        Assert.True(set.Contains(new EnvelopeId(100, 5)));
        Assert.False(set.Contains(new EnvelopeId(100, big + 1)));
        Assert.Equal(4, set.Count);
    }
}
