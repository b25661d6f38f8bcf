using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Google.Protobuf;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Topics;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

/// <summary>
/// Parsing shares equal one-entry depends_on maps and equal topics through small process-wide caches. Another
/// test parsing at the same moment could take the cache slot in between the two parses here, so these run alone.
/// </summary>
[Collection(nameof(SharingTests))]
public sealed class SharingTests
{
    [Fact]
    public void Envelopes_that_depend_on_the_same_single_entry_share_one_map_topic_and_clock()
    {
        ParsedClientEnvelope Parse(ulong commit, ulong seed) =>
            EnvelopeParser.ParseClient(ApplicationMessage(64, seed, new Dictionary<uint, ulong> { [0] = commit }).ToByteString(), TopicValidation.Node).Unwrap();

        var first = Parse(41, 1);
        var second = Parse(41, 2);
        var other = Parse(42, 3);

        Assert.Same(first.DependsOn, second.DependsOn);
        Assert.Same(first.DependsOn.Clock, second.DependsOn.Clock);
        Assert.Equal(VectorClock.Of((0, 41)), first.DependsOn.Clock);
        Assert.NotSame(first.DependsOn, other.DependsOn);
        Assert.Equal(42ul, other.DependsOn[0]);
        Assert.Equal(first.Topic, second.Topic);
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(first.Topic.Bytes), ref MemoryMarshal.GetReference(second.Topic.Bytes)));
    }

    [Fact]
    public void Equal_topics_print_one_shared_text_and_every_topic_prints_its_own()
    {
        var groupId = Enumerable.Range(0, 16).Select(i => (byte)(0xA0 + i)).ToArray();
        var made = Topic.GroupMessages(groupId);
        var parsed = Topic.Parse(made.Bytes.ToArray()); // equal bytes in another array
        var expected = "group_messages_v1/" + Convert.ToHexStringLower(groupId);

        Assert.Equal(expected, made.ToString());
        Assert.Same(made.ToString(), parsed.ToString());

        // Many other topics take cache slots in between; each still prints its own bytes.
        for (var i = 0; i < 200_000; i++)
        {
            var id = new byte[16];
            BitConverter.TryWriteBytes(id, i);
            Assert.Equal("group_messages_v1/" + Convert.ToHexStringLower(id), Topic.GroupMessages(id).ToString());
        }

        Assert.Equal(expected, parsed.ToString());
    }
}

[CollectionDefinition(nameof(SharingTests), DisableParallelization = true)]
public sealed class SharingTestsCollection;
