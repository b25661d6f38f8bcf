using XmtpSim.Protocol.Topics;

namespace XmtpSim.Protocol.Tests.Topics;

public sealed class TopicTests
{
    [Fact]
    public void Payer_report_topic_for_node_100_is_kind_4_then_little_endian_id()
    {
        Assert.Equal(new byte[] { 0x04, 0x64, 0x00, 0x00, 0x00 }, Topic.PayerReports(100).ToArray());
        Assert.Equal(new byte[] { 0x05, 0x2C, 0x01, 0x00, 0x00 }, Topic.PayerReportAttestations(300).ToArray());
    }

    [Theory]
    [InlineData(100u)]
    [InlineData(200u)]
    [InlineData(0x01020304u)]
    public void Report_topics_give_back_their_node_id(uint nodeId)
    {
        Assert.True(Topic.PayerReports(nodeId).TryGetReportNodeId(out var fromReport));
        Assert.True(Topic.PayerReportAttestations(nodeId).TryGetReportNodeId(out var fromAttestation));
        Assert.Equal(nodeId, fromReport);
        Assert.Equal(nodeId, fromAttestation);
    }

    [Fact]
    public void Non_report_topic_has_no_node_id() =>
        Assert.False(Topic.GroupMessages(new byte[16]).TryGetReportNodeId(out _));

    [Theory]
    [InlineData("", TopicRule.TooShort)]
    [InlineData("00", TopicRule.TooShort)]
    [InlineData("0601", TopicRule.UnknownKind)]
    [InlineData("ff01", TopicRule.UnknownKind)]
    [InlineData("0001", TopicRule.IdentifierSize)]
    [InlineData("04640000", TopicRule.IdentifierSize)]
    [InlineData("0464000000ff", TopicRule.IdentifierSize)]
    public void Invalid_topics_name_the_rule_they_break(string hex, TopicRule rule)
    {
        Assert.False(Topic.TryParse(Convert.FromHexString(hex), out _, out var error));
        Assert.Equal(rule, error!.Rule);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Topic_longer_than_128_bytes_is_too_long_even_for_node_rules()
    {
        var bytes = new byte[129];
        Assert.False(Topic.TryParse(bytes, out _, out var error, TopicValidation.Node));
        Assert.Equal(TopicRule.TooLong, error!.Rule);
        Assert.True(Topic.TryParse(bytes.AsSpan(0, 128), out _, out _, TopicValidation.Node));
    }

    [Fact]
    public void Node_rules_accept_any_identifier_size_of_a_known_kind()
    {
        Assert.True(Topic.TryParse(Convert.FromHexString("0001"), out var topic, out _, TopicValidation.Node));
        Assert.Equal(TopicKind.GroupMessagesV1, topic.Kind);
    }

    [Theory]
    [InlineData(TopicKind.GroupMessagesV1, 16, false)]
    [InlineData(TopicKind.WelcomeMessagesV1, 32, false)]
    [InlineData(TopicKind.IdentityUpdatesV1, 32, false)]
    [InlineData(TopicKind.KeyPackagesV1, 32, false)]
    [InlineData(TopicKind.PayerReportsV1, 4, true)]
    [InlineData(TopicKind.PayerReportAttestationsV1, 4, true)]
    public void Each_kind_round_trips_with_its_identifier_size(TopicKind kind, int size, bool reserved)
    {
        var identifier = Enumerable.Range(1, size).Select(i => (byte)i).ToArray();
        var topic = Topic.Create(kind, identifier);
        Assert.True(Topic.TryParse(topic.Bytes, out var parsed, out var error), error?.ToString());
        Assert.Equal(topic, parsed);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(identifier, parsed.Identifier.ToArray());
        Assert.Equal(reserved, parsed.IsReserved);
        Assert.Throws<ArgumentException>(() => Topic.Create(kind, new byte[size + 1]));
    }

    [Fact]
    public void Display_form_is_name_slash_hex_and_parses_back()
    {
        var topic = Topic.GroupMessages(Convert.FromHexString("000102030405060708090a0b0c0d0e0f"));
        Assert.Equal("group_messages_v1/000102030405060708090a0b0c0d0e0f", topic.ToString());
        Assert.Equal("payer_reports_v1/64000000", Topic.PayerReports(100).ToString());
        Assert.True(Topic.TryParseDisplay(topic.ToString(), out var parsed, out _));
        Assert.Equal(topic, parsed);
        Assert.False(Topic.TryParseDisplay("chat/00", out _, out var error));
        Assert.Equal(TopicRule.UnknownKind, error!.Rule);
    }

    [Fact]
    public void Equality_is_by_bytes()
    {
        Assert.Equal(Topic.PayerReports(100), Topic.Parse(new byte[] { 4, 100, 0, 0, 0 }));
        Assert.NotEqual(Topic.PayerReports(100), Topic.PayerReportAttestations(100));
        Assert.Equal(Topic.PayerReports(100).GetHashCode(), Topic.Parse(new byte[] { 4, 100, 0, 0, 0 }).GetHashCode());
    }

    [Fact]
    public void Equality_holds_whether_or_not_two_topics_share_their_bytes()
    {
        var groupId = Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        var built = Topic.GroupMessages(groupId);
        var parsed = Topic.Parse([(byte)TopicKind.GroupMessagesV1, .. groupId]);
        var other = Topic.GroupMessages(Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9fafbfcfdfefe"));

        Assert.Equal(built, parsed);
        Assert.NotEqual(built, other);
        Assert.Equal(default, default(Topic));
        Assert.NotEqual(default, built);
        Assert.NotEqual(built, default);
        Assert.Equal(built, Topic.GroupMessages(groupId.ToArray()));
    }
}
