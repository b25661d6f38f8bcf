using System.Runtime.InteropServices;
using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Recording;

/// <summary>
/// A node stored an envelope it did not originate (journal kind <c>store</c>). A day at mainnet scale records
/// tens of millions of these, so the fields are packed: 44 bytes a record where the plain layout took 56.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct StoreRecord
{
    private readonly long _timeNs;
    private readonly long _fee;
    private readonly ulong _sequence;
    private readonly uint _originator;
    private readonly int _node;
    private readonly int _topic;
    private readonly int _digest;
    private readonly StoreSource _source;
    private readonly bool _feeMismatch;

    /// <summary>A store record.</summary>
    /// <param name="timeNs">Simulated time, nanoseconds.</param>
    /// <param name="node">Actor id of the node.</param>
    /// <param name="envelope">(originator, sequence).</param>
    /// <param name="topic">Topic id.</param>
    /// <param name="source">Replication or index.</param>
    /// <param name="fee">The node's recomputed fee, picodollars.</param>
    /// <param name="feeMismatch">The recomputed fee differs from the originator's.</param>
    /// <param name="digest">Id in <see cref="RecordedHistory.Digests"/> for chain-originated envelopes (originator 0 or 1), else -1.</param>
    public StoreRecord(long timeNs, int node, EnvelopeId envelope, int topic, StoreSource source, long fee, bool feeMismatch, int digest)
    {
        _timeNs = timeNs;
        _node = node;
        _originator = envelope.Originator;
        _sequence = envelope.Sequence;
        _topic = topic;
        _source = source;
        _fee = fee;
        _feeMismatch = feeMismatch;
        _digest = digest;
    }

    /// <summary>Simulated time, nanoseconds.</summary>
    public long TimeNs => _timeNs;

    /// <summary>Actor id of the node.</summary>
    public int Node => _node;

    /// <summary>(originator, sequence).</summary>
    public EnvelopeId Envelope => new(_originator, _sequence);

    /// <summary>Topic id.</summary>
    public int Topic => _topic;

    /// <summary>Replication or index.</summary>
    public StoreSource Source => _source;

    /// <summary>The node's recomputed fee, picodollars.</summary>
    public long Fee => _fee;

    /// <summary>The recomputed fee differs from the originator's.</summary>
    public bool FeeMismatch => _feeMismatch;

    /// <summary>Id in <see cref="RecordedHistory.Digests"/> for chain-originated envelopes (originator 0 or 1), else -1.</summary>
    public int Digest => _digest;
}
