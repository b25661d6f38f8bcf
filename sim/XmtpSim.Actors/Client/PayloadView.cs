using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Mls;

namespace XmtpSim.Actors.Client;

/// <summary>
/// What a member reads from an envelope's payload (<see cref="MessageContent"/>): a group message's publish time
/// and sender, or a welcome's group id and commit sequence. Every member of a group reads the same envelope, so
/// the view is decoded once per envelope and kept on it (<see cref="ParsedOriginatorEnvelope.Derived{T}"/>), where
/// it outlives the envelope's bytes when the node stores move those to disk. Immutable, so members share it.
/// </summary>
internal class PayloadView
{
    private static readonly PayloadView Unreadable = new(false, -1, -1);

    // 32 bytes a group message (a day has millions); a welcome's extra fields live in the subclass.
    private PayloadView(bool hasMetadata, long publishedNs, int sender)
    {
        HasMetadata = hasMetadata;
        PublishedNs = publishedNs;
        Sender = sender;
    }

    /// <summary>True when a group message carries readable metadata (publish time and sender).</summary>
    public bool HasMetadata { get; }

    /// <summary>When a group message was published (Unix ns); -1 when it carries no readable metadata.</summary>
    public long PublishedNs { get; }

    /// <summary>The sending client's index; -1 when unreadable.</summary>
    public int Sender { get; }

    /// <summary>A welcome's group id; null when the envelope is not a readable welcome. Shared: never written to.</summary>
    public virtual byte[]? WelcomeGroupId => null;

    /// <summary>The commit sequence a welcome was made at.</summary>
    public virtual ulong WelcomeCommitSequence => 0;

    /// <summary>The view of <paramref name="envelope"/>, decoded on the first call and kept on the envelope.</summary>
    public static PayloadView Of(ParsedOriginatorEnvelope envelope) => envelope.Derived(Decode);

    private static PayloadView Decode(ParsedOriginatorEnvelope envelope)
    {
        var client = envelope.Client.Envelope;
        if (client.WelcomeMessage?.V1 is { } welcome)
        {
            return MessageContent.TryReadWelcome(welcome.Data.Span, out var groupId, out var commitSequence)
                ? new Welcome(groupId, commitSequence)
                : Unreadable;
        }

        var data = client.GroupMessage?.V1 is { } v1 ? v1.Data.Span : [];
        return data.Length > MlsFrame.HeaderSize && MessageContent.TryRead(data[MlsFrame.HeaderSize..], out var ns, out var sender, out _)
            ? new PayloadView(true, ns, sender)
            : Unreadable;
    }

    private sealed class Welcome(byte[] groupId, ulong commitSequence) : PayloadView(false, -1, -1)
    {
        public override byte[]? WelcomeGroupId { get; } = groupId;

        public override ulong WelcomeCommitSequence { get; } = commitSequence;
    }
}
