using Google.Protobuf;
using XmtpSim.Protocol.Mls;
using XmtpSim.Protocol.Wire.Mls;

namespace XmtpSim.Protocol.Tests.Mls;

public sealed class MlsFrameTests
{
    private static readonly byte[] GroupId = Convert.FromHexString("4db0366bac68c0d80e0ddd6914576375");

    [Fact]
    public void Frame_header_matches_the_load_tester_bytes()
    {
        var frame = MlsFrame.Build(GroupId, 1, MlsContentType.Application, MlsFrame.HeaderSize, ReadOnlySpan<byte>.Empty);
        Assert.Equal("00010002104db0366bac68c0d80e0ddd69145763750000000000000001" + "01" + "000000", Convert.ToHexStringLower(frame));
    }

    [Theory]
    [InlineData(MlsContentType.Application, MlsMessageClass.Application)]
    [InlineData(MlsContentType.Proposal, MlsMessageClass.Proposal)]
    [InlineData(MlsContentType.Commit, MlsMessageClass.Commit)]
    public void Built_frames_classify_as_their_content_type(MlsContentType type, MlsMessageClass expected)
    {
        var frame = MlsFrame.Build(GroupId, 7, type, 300, paddingSeed: 42);
        Assert.Equal(300, frame.Length);
        Assert.Equal(expected, MlsFrame.Classify(frame));
        Assert.Equal(type != MlsContentType.Application, MlsFrame.BelongsOnChain(MlsFrame.Classify(frame)));
        Assert.True(MlsFrame.TryReadPrivateHeader(frame, out var groupId, out var epoch, out _));
        Assert.Equal(GroupId, groupId);
        Assert.Equal(7UL, epoch);
    }

    [Fact]
    public void Real_commit_sample_from_xmtpd_classifies_as_commit()
    {
        // Prefix of a PrivateMessage from xmtpd's deserializer test data (content_type 03).
        var sample = Convert.FromHexString("00010002104db0366bac68c0d80e0ddd6914576375000000000000000003001c3ad38a9a59");
        Assert.Equal(MlsMessageClass.Commit, MlsFrame.Classify(sample));
    }

    [Fact]
    public void Padding_is_deterministic_in_the_seed_and_differs_across_seeds()
    {
        var a = MlsFrame.Build(GroupId, 1, MlsContentType.Application, 1000, paddingSeed: 5);
        var b = MlsFrame.Build(GroupId, 1, MlsContentType.Application, 1000, paddingSeed: 5);
        var c = MlsFrame.Build(GroupId, 1, MlsContentType.Application, 1000, paddingSeed: 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        var supplied = Enumerable.Repeat((byte)0xAB, 10).ToArray();
        Assert.Equal(supplied, MlsFrame.Build(GroupId, 1, MlsContentType.Commit, 43, supplied)[33..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0001")]
    [InlineData("00010003")] // Welcome wire format: not routable
    [InlineData("0002000210" + "000102030405060708090a0b0c0d0e0f" + "0000000000000001" + "01")] // version 2
    [InlineData("0001000210" + "0001020304")] // truncated group ID
    [InlineData("000100021000010203040506070809")] // truncated
    [InlineData("0001000110" + "000102030405060708090a0b0c0d0e0f" + "0000000000000001" + "09" + "00" + "01")] // bad sender type
    public void Malformed_data_is_unparseable(string hex) =>
        Assert.Equal(MlsMessageClass.Unparseable, MlsFrame.Classify(Convert.FromHexString(hex)));

    [Fact]
    public void Public_message_commit_is_read_past_sender_and_authenticated_data()
    {
        // version 1, PublicMessage, group id (16), epoch, sender member #5, aad of 2 bytes, content_type 3
        var hex = "0001000110" + "000102030405060708090a0b0c0d0e0f" + "0000000000000002" + "0100000005" + "02abcd" + "03";
        Assert.Equal(MlsMessageClass.Commit, MlsFrame.Classify(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Private_message_with_other_content_type_is_accepted_as_off_chain()
    {
        var frame = MlsFrame.Build(GroupId, 1, MlsContentType.Application, 40, paddingSeed: 1);
        frame[29] = 9;
        Assert.Equal(MlsMessageClass.OtherPrivate, MlsFrame.Classify(frame));
        Assert.False(MlsFrame.BelongsOnChain(MlsMessageClass.OtherPrivate));
    }

    [Fact]
    public void Group_message_input_without_data_is_unparseable()
    {
        Assert.Equal(MlsMessageClass.Unparseable, MlsFrame.Classify((GroupMessageInput?)null));
        Assert.Equal(MlsMessageClass.Unparseable, MlsFrame.Classify(new GroupMessageInput()));
        var input = new GroupMessageInput { V1 = new() { Data = ByteString.CopyFrom(MlsFrame.Build(GroupId, 1, MlsContentType.Commit, 33, 0)) } };
        Assert.Equal(MlsMessageClass.Commit, MlsFrame.Classify(input));
    }
}
