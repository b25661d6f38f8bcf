using System.Buffers.Binary;
using Google.Protobuf;
using XmtpSim.Actors.Messages;
using XmtpSim.Protocol.Storage;

namespace XmtpSim.Actors.Chain;

/// <summary>
/// The app chain's sealed blocks with logs, in block order, kept for the whole run: an indexer that starts late
/// or comes back after a crash backfills from any block. Indexers read a block within seconds of its sealing and
/// rarely again, so an archive given <see cref="ColdStorage"/> writes the blocks sealed longer ago than its
/// <see cref="ColdStorage.AfterNanos"/> to its file (a day's commits and identity updates are hundreds of megabytes)
/// and reads one back, equal to what was written, when a backfill asks for it.
/// </summary>
public sealed class ChainBlockArchive
{
    private readonly ColdStorage? _cold;
    private readonly List<long> _numbers = [];
    private readonly List<ChainBlock?> _blocks = []; // null once written to the file
    private readonly List<(long Offset, int Length)> _written = [];
    private int _firstInMemory;

    /// <summary>An archive that writes aged blocks to <paramref name="cold"/>, or keeps them all in memory (null).</summary>
    public ChainBlockArchive(ColdStorage? cold = null) => _cold = cold;

    /// <summary>Blocks held.</summary>
    public int Count => _blocks.Count;

    /// <summary>Blocks written to the file so far.</summary>
    public int Written => _firstInMemory;

    /// <summary>The block at <paramref name="index"/> (block order), read back from the file if it was written there.</summary>
    public ChainBlock this[int index] => _blocks[index] ?? Read(index);

    /// <summary>Appends a block just sealed (numbers ascending).</summary>
    public void Add(ChainBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (_numbers.Count > 0 && block.Number <= _numbers[^1])
        {
            throw new ArgumentException($"block {block.Number} after block {_numbers[^1]}", nameof(block));
        }

        _numbers.Add(block.Number);
        _blocks.Add(block);
        _written.Add((-1, 0));
    }

    /// <summary>Writes the blocks sealed at least <see cref="ColdStorage.AfterNanos"/> before <paramref name="nowNs"/> to the file.</summary>
    public void WriteAged(long nowNs)
    {
        if (_cold is null)
        {
            return;
        }

        while (_firstInMemory < _blocks.Count && _cold.IsDue(_blocks[_firstInMemory]!.TimeNs, nowNs))
        {
            var bytes = Encode(_blocks[_firstInMemory]!);
            _written[_firstInMemory] = (_cold.File.Append(bytes), bytes.Length);
            _blocks[_firstInMemory] = null;
            _firstInMemory++;
        }
    }

    /// <summary>The index of the first block numbered <paramref name="number"/> or later (<see cref="Count"/> if none).</summary>
    public int FirstAtOrAfter(long number)
    {
        var index = _numbers.BinarySearch(number);
        return index >= 0 ? index : ~index;
    }

    /// <summary>Blocks <paramref name="index"/> to <paramref name="index"/> + <paramref name="count"/> − 1.</summary>
    public List<ChainBlock> GetRange(int index, int count)
    {
        var range = new List<ChainBlock>(count);
        for (var i = index; i < index + count; i++)
        {
            range.Add(this[i]);
        }

        return range;
    }

    private static byte[] Encode(ChainBlock block)
    {
        var size = 20 + block.Logs.Sum(l => 24 + l.Key.Length + l.Payload.Length + l.TxHash.Length);
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt64LittleEndian(span, block.Number);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], block.TimeNs);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], block.Logs.Count);
        var at = 20;
        foreach (var log in block.Logs)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], log.Broadcaster);
            BinaryPrimitives.WriteUInt64LittleEndian(span[(at + 4)..], log.SequenceId);
            at += 12;
            foreach (var field in (ReadOnlySpan<ByteString>)[log.Key, log.Payload, log.TxHash])
            {
                BinaryPrimitives.WriteInt32LittleEndian(span[at..], field.Length);
                field.Span.CopyTo(span[(at + 4)..]);
                at += 4 + field.Length;
            }
        }

        return bytes;
    }

    private ChainBlock Read(int index)
    {
        var (offset, length) = _written[index];
        var bytes = new byte[length];
        _cold!.File.Read(offset, bytes);
        var span = (ReadOnlySpan<byte>)bytes;
        var count = BinaryPrimitives.ReadInt32LittleEndian(span[16..]);
        var logs = new List<ChainLog>(count);
        var at = 20;
        for (var i = 0; i < count; i++)
        {
            var broadcaster = BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);
            var sequence = BinaryPrimitives.ReadUInt64LittleEndian(span[(at + 4)..]);
            at += 12;
            var key = Field(span, ref at);
            var payload = Field(span, ref at);
            var hash = Field(span, ref at);
            logs.Add(new ChainLog(broadcaster, sequence, key, payload, hash));
        }

        return new ChainBlock(BinaryPrimitives.ReadInt64LittleEndian(span), BinaryPrimitives.ReadInt64LittleEndian(span[8..]), logs);
    }

    private static ByteString Field(ReadOnlySpan<byte> span, ref int at)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        var field = ByteString.CopyFrom(span.Slice(at + 4, length));
        at += 4 + length;
        return field;
    }
}
