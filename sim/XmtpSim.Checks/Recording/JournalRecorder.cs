using System.Buffers;
using System.Text;
using System.Text.Json;
using XmtpSim.Actors.Journal;
using XmtpSim.Checks.Output;
using XmtpSim.Engine.Journal;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Envelopes;

namespace XmtpSim.Checks.Recording;

/// <summary>
/// Observes a <see cref="JournalWriter"/> and keeps, compactly, what the checks and reports need
/// (<see cref="History"/>). Engine wire events (send, deliver, drop) are only counted. It is single-threaded: it
/// sees events in journal order, one at a time, on the journal's thread (or the caller's, when fed directly).
/// </summary>
public sealed class JournalRecorder
{
    /// <summary>Journal kind of a misbehavior report (read generically; see <see cref="MisbehaviorReportRecord"/>).</summary>
    public const string MisbehaviorReportKind = "misbehavior_report";

    /// <summary>A recorder; <paramref name="nodeIds"/> are the network's node ids (100, 200, …), so silent nodes still count.</summary>
    public JournalRecorder(IEnumerable<uint>? nodeIds = null)
    {
        foreach (var id in nodeIds ?? [])
        {
            History.AddNode(id);
        }
    }

    private DeliveriesCsv.Writer? _deliveries;

    /// <summary>Everything recorded so far. Read it after the journal is finished.</summary>
    public RecordedHistory History { get; } = new();

    /// <summary>
    /// From now on, each apply recorded is also written to <paramref name="stream"/> as a row of deliveries.csv, on the
    /// recording thread, so a long run's file is written while it simulates rather than after it. Call it before the
    /// first event; flush the returned writer once the journal is finished.
    /// </summary>
    /// <exception cref="InvalidOperationException">Events were already recorded, or rows already go to a stream.</exception>
    public DeliveriesCsv.Writer StreamDeliveriesTo(Stream stream)
    {
        if (History.EventCount > 0 || _deliveries is not null)
        {
            throw new InvalidOperationException("deliveries are streamed from a recorder's first event, to one stream");
        }

        return _deliveries = new DeliveriesCsv.Writer(stream, History);
    }

    /// <summary>
    /// Creates a recorder and subscribes it to <paramref name="journal"/>, on the journal's own thread: it records
    /// while the simulation goes on, and its <see cref="History"/> is complete once the journal is finished.
    /// </summary>
    public static JournalRecorder Attach(JournalWriter journal, IEnumerable<uint>? nodeIds = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var recorder = new JournalRecorder(nodeIds);
        journal.SubscribeInBackground(recorder.Observe, recorder.ObserveNetwork);
        return recorder;
    }

    /// <summary>Counts one network line (the <see cref="JournalWriter.SubscribeNetwork"/> callback).</summary>
    public void ObserveNetwork(NetworkEntry entry)
    {
        var h = History;
        h.Touch();
        h.EventCount++;
        h.EndNs = Math.Max(h.EndNs, entry.TimeNs);
        h.CountKind(entry.Kind);
        CountTraffic(entry);
    }

    /// <summary>Counts a send, deliver or drop, however it reached the recorder (a network line or an event).</summary>
    private void CountTraffic(in NetworkEntry entry)
    {
        var h = History;
        var type = h.MessageType(entry.Message);
        switch (entry.Kind)
        {
            case "send":
                type.Sent++;
                type.SentBytes += entry.Bytes;
                h.CountSent(entry.TimeNs);
                NoteNode(entry.From);
                NoteNode(entry.To);
                break;
            case "deliver":
                type.Delivered++;
                h.CountDelivered(entry.TimeNs);
                h.CausalOrder.Reached(entry.TimeNs);
                break;
            default:
                type.Dropped++;
                h.CountDropped(entry.TimeNs);
                break;
        }
    }

    /// <summary>Records one event (the <see cref="JournalWriter.Subscribe"/> callback).</summary>
    public void Observe(JournalEvent journalEvent)
    {
        ArgumentNullException.ThrowIfNull(journalEvent);
        var h = History;
        h.Touch();
        h.EventCount++;
        h.EndNs = Math.Max(h.EndNs, journalEvent.TimeNs);
        h.CountKind(journalEvent.Kind);
        switch (journalEvent)
        {
            case SendEvent e:
                CountTraffic(new NetworkEntry(e.Kind, e.TimeNs, e.From, e.To, e.Message, e.Bytes, e.ArrivalNs, null));
                break;
            case DeliverEvent e:
                CountTraffic(new NetworkEntry(e.Kind, e.TimeNs, e.From, e.To, e.Message, 0, 0, null));
                break;
            case DropEvent e:
                CountTraffic(new NetworkEntry(e.Kind, e.TimeNs, e.From, e.To, e.Message, 0, 0, e.Reason));
                break;
            case FaultEvent e:
                h.AddFault(new FaultRecord(e.TimeNs, e.Fault, e.Detail));
                if (e.Fault is "crash" or "restart")
                {
                    NoteNode(e.Detail.Trim());
                }

                break;
            case ClientPublishEvent e:
                h.Publishes.Add(new PublishRecord(
                    e.TimeNs, h.Actors.Intern(e.Client), h.Topics.Intern(e.Topic), e.LocalId, h.Labels.Intern(e.What), e.Bytes,
                    DependsOnText.CommitOf(e.DependsOn)));
                break;
            case ClientAckEvent e:
                h.Acks.Add(new AckRecord(e.TimeNs, h.Actors.Intern(e.Client), e.LocalId, new EnvelopeId(e.Originator, e.Sequence)));
                break;
            case ClientPublishFailedEvent e:
                h.PublishFailures.Add(new PublishFailedRecord(e.TimeNs, h.Actors.Intern(e.Client), e.LocalId, h.Labels.Intern(e.Reason)));
                break;
            case ClientJoinEvent e:
                var join = new JoinRecord(e.TimeNs, h.Actors.Intern(e.Client), h.Topics.Intern(e.Topic), e.CommitSequence);
                h.Joins.Add(join);
                h.CausalOrder.Join(join);
                break;
            case ClientApplyEvent e:
                var apply = new ApplyRecord(
                    e.TimeNs, h.Actors.Intern(e.Client), h.Topics.Intern(e.Topic), new EnvelopeId(e.Originator, e.Sequence), e.PublishedNs,
                    OptionalActor(e.Sender), OptionalActor(e.ReadNode), e.FeePicodollars, e.DependencyDropped, DependsOnStart: 0, DependsOnCount: 0);
                h.CausalOrder.Apply(h.Applies.Add(apply, e.DependsOn));
                _deliveries?.Append(apply);
                break;
            case NodeOriginateEvent e:
                h.Originations.Add(new OriginateRecord(
                    e.TimeNs, NoteNode(e.Node), new EnvelopeId(e.Originator, e.Sequence), h.Topics.Intern(e.Topic), h.Payers.Intern(e.Payer),
                    e.BaseFee, e.CongestionFee, e.CongestionUnits, e.Bytes, DependsOnText.CommitOf(e.DependsOn)));
                break;
            case NodeStoreEvent e:
                var chain = ReservedOriginators.IsBlockchain(e.Originator);
                h.Stores.Add(new StoreRecord(
                    e.TimeNs, NoteNode(e.Node), new EnvelopeId(e.Originator, e.Sequence), h.Topics.Intern(e.Topic), ParseSource(e.Source), e.Fee,
                    e.FeeMismatch, chain ? h.Digests.Intern(e.Digest) : -1));
                if (e.FeeMismatch)
                {
                    h.FeeMismatches++;
                }

                break;
            case NodeRejectEvent e:
                NoteNode(e.Node);
                h.CountReject(e.Code);
                break;
            case NodeSequenceAnomalyEvent e:
                NoteNode(e.Node);
                h.CountAnomaly(e.Anomaly);
                break;
            case GatewayRetryEvent:
                h.GatewayRetries++;
                break;
            case ChainTxEvent e:
                h.ChainTransactions.Add(new ChainTxRecord(
                    e.TimeNs, new EnvelopeId(e.Originator, e.Sequence), h.Topics.Intern(e.Topic), e.Bytes, e.Gas, e.Block, h.Digests.Intern(e.TxHash),
                    e.SubmittedNs));
                break;
            case ChainBlockEvent e:
                h.ChainBlocks.Add(new ChainBlockRecord(e.TimeNs, e.Block, e.Transactions, e.GasUsed, e.GasLimit, e.Pending));
                break;
            case ChainRejectEvent e:
                h.CountChainReject(e.Reason);
                break;
            default:
                if (journalEvent.Kind == MisbehaviorReportKind)
                {
                    h.AddReport(ReadReport(journalEvent));
                }

                break;
        }
    }

    private static StoreSource ParseSource(string source) => source switch
    {
        "replication" => StoreSource.Replication,
        "index" => StoreSource.Index,
        _ => StoreSource.Other,
    };

    private static MisbehaviorReportRecord ReadReport(JournalEvent journalEvent)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            journalEvent.WriteFields(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var root = document.RootElement;
        var accused = Field(root, "accused") ?? Field(root, "node") ?? string.Empty;
        var reporter = Field(root, "reporter") ?? string.Empty;
        return new MisbehaviorReportRecord(journalEvent.TimeNs, accused, reporter, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private int OptionalActor(string name) => string.IsNullOrEmpty(name) ? -1 : History.Actors.Intern(name);

    private int NoteNode(string name)
    {
        if (ActorNames.TryParseNode(name, out var id))
        {
            History.AddNode(id);
        }

        return History.Actors.Intern(name);
    }
}
