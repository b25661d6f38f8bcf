using Microsoft.Win32.SafeHandles;

namespace XmtpSim.Protocol.Storage;

/// <summary>
/// An append-only temporary file for bytes a long run moves out of memory and rarely reads again. It is created
/// on the first append in the temporary directory (or the given one) and never outlives the process: outside
/// Windows its name is removed as soon as it is open, so it takes disk space but shows in no directory (Windows
/// deletes it on close, or when the process dies). Actors on different threads may use one file at once.
/// <para>
/// Appends gather in a 1 MiB buffer. A full buffer is handed to the file's writer thread, which writes it whole
/// (one system call per MiB rather than per envelope), so the appending thread never waits on the system's copy
/// into its page cache (on a day of 100,000 clients, a seventh of the simulation thread's time when it was done
/// inline) unless the writer is <see cref="MaxWaitingBuffers"/> buffers behind. Reads find recent bytes in the
/// buffers and older ones on disk, with positional I/O. An append at least as large as a buffer is written by the
/// appending thread itself, once the writer has caught up.
/// </para>
/// </summary>
public sealed class ScratchFile : IDisposable
{
    /// <summary>Full buffers that may wait for the writer before an append waits for it in turn.</summary>
    public const int MaxWaitingBuffers = 8;

    private const int DefaultBufferBytes = 1 << 20;

    private readonly string _purpose;
    private readonly string _directory;
    private readonly int _bufferBytes;
    private readonly BlockWriter _write;
    private readonly Lock _creating = new();
    private readonly object _gate = new(); // guards everything below; Monitor, for the writer's waits
    private readonly Queue<(byte[] Bytes, int Length)> _waiting = new(); // full buffers in file order; the first starts at _flushed
    private readonly Stack<byte[]> _spare = new(); // written buffers, for the next ones
    private byte[]? _buffer;
    private int _buffered;
    private long _flushed; // bytes on disk; then the waiting buffers' _waitingBytes, then the buffer's _buffered
    private long _waitingBytes;
    private SafeFileHandle? _handle;
    private Thread? _writer;
    private Exception? _writeFailure;
    private bool _closing;
    private long _length;

    /// <param name="purpose">What the file holds, in its name and in errors (e.g. "recorder").</param>
    /// <param name="directory">Where to create it; the temporary directory when null.</param>
    public ScratchFile(string purpose, string? directory = null)
        : this(purpose, directory, DefaultBufferBytes, RandomAccess.Write)
    {
    }

    /// <summary>A file with smaller buffers, or a writer that tests can hold back or fail.</summary>
    internal ScratchFile(string purpose, string? directory, int bufferBytes, BlockWriter write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferBytes, 1);
        _purpose = purpose;
        _directory = directory ?? Path.GetTempPath();
        _bufferBytes = bufferBytes;
        _write = write;
    }

    /// <summary>How the writer puts a block on disk (<see cref="RandomAccess.Write(SafeFileHandle, ReadOnlySpan{byte}, long)"/>).</summary>
    internal delegate void BlockWriter(SafeFileHandle handle, ReadOnlySpan<byte> bytes, long offset);

    /// <summary>Bytes appended so far.</summary>
    public long Length => Interlocked.Read(ref _length);

    /// <summary>Appends <paramref name="bytes"/>; returns the offset they start at.</summary>
    /// <exception cref="IOException">The writer could not write an earlier buffer (the message names the file).</exception>
    public long Append(ReadOnlySpan<byte> bytes)
    {
        var handle = Handle();
        lock (_gate)
        {
            ThrowIfWriteFailed();
            var offset = _flushed + _waitingBytes + _buffered;
            if (_buffered + bytes.Length > _bufferBytes)
            {
                HandOver();
            }

            if (bytes.Length >= _bufferBytes)
            {
                // Larger than a buffer: written here, in file order, once everything before it is on disk.
                while (_waiting.Count > 0 && _writeFailure is null)
                {
                    Monitor.Wait(_gate);
                }

                ThrowIfWriteFailed();
                _write(handle, bytes, offset);
                _flushed += bytes.Length;
            }
            else
            {
                bytes.CopyTo((_buffer ??= NewBuffer()).AsSpan(_buffered));
                _buffered += bytes.Length;
            }

            Interlocked.Exchange(ref _length, offset + bytes.Length);
            return offset;
        }
    }

    /// <summary>Reads <paramref name="destination"/>'s length of bytes from <paramref name="offset"/>, all of which were appended.</summary>
    public void Read(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset + destination.Length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"{destination.Length} bytes at {offset} are outside the {_purpose} scratch file's {Length} bytes");
        }

        var handle = _handle ?? throw new InvalidOperationException($"nothing was written to the {_purpose} scratch file");
        int onDisk;
        lock (_gate)
        {
            // What is past the flushed end is in a waiting buffer or the current one: copy it while no append or
            // write can move it.
            onDisk = (int)Math.Clamp(_flushed - offset, 0, destination.Length);
            var start = _flushed;
            foreach (var (bytes, length) in _waiting)
            {
                CopyOverlap(bytes.AsSpan(0, length), start, offset, destination);
                start += length;
            }

            if (_buffer is not null)
            {
                CopyOverlap(_buffer.AsSpan(0, _buffered), start, offset, destination);
            }
        }

        // Flushed bytes never change: read them without the lock.
        destination = destination[..onDisk];
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(handle, destination, offset);
            if (read <= 0)
            {
                throw new IOException($"the {_purpose} scratch file ended at {offset} before the bytes written there");
            }

            destination = destination[read..];
            offset += read;
        }
    }

    /// <summary>Stops the writer (what it has not written is dropped with the file), then closes and deletes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closing = true;
            Monitor.PulseAll(_gate);
        }

        _writer?.Join();
        _handle?.Dispose();
    }

    // Copies the part of [blockStart, blockStart + block.Length) that falls in [offset, offset + destination.Length).
    private static void CopyOverlap(ReadOnlySpan<byte> block, long blockStart, long offset, Span<byte> destination)
    {
        var from = Math.Max(blockStart, offset);
        var to = Math.Min(blockStart + block.Length, offset + destination.Length);
        if (from < to)
        {
            block.Slice((int)(from - blockStart), (int)(to - from)).CopyTo(destination[(int)(from - offset)..]);
        }
    }

    private byte[] NewBuffer() => _spare.Count > 0 ? _spare.Pop() : new byte[_bufferBytes];

    // Under the gate: queues the current buffer for the writer, waiting while the writer is too far behind.
    private void HandOver()
    {
        if (_buffered == 0)
        {
            return;
        }

        while (_waiting.Count >= MaxWaitingBuffers && _writeFailure is null)
        {
            Monitor.Wait(_gate);
        }

        ThrowIfWriteFailed();
        _waiting.Enqueue((_buffer!, _buffered));
        _waitingBytes += _buffered;
        _buffer = NewBuffer();
        _buffered = 0;
        if (_writer is null)
        {
            _writer = new Thread(WriteWaiting) { IsBackground = true, Name = $"scratch {_purpose}" };
            _writer.Start();
        }

        Monitor.PulseAll(_gate);
    }

    // The writer thread: writes the waiting buffers in file order until the file is disposed or a write fails.
    private void WriteWaiting()
    {
        var handle = _handle!;
        while (true)
        {
            byte[] bytes;
            int length;
            long at;
            lock (_gate)
            {
                while (_waiting.Count == 0 && !_closing)
                {
                    Monitor.Wait(_gate);
                }

                if (_closing)
                {
                    return;
                }

                (bytes, length) = _waiting.Peek(); // stays readable from memory until it is on disk
                at = _flushed;
            }

            try
            {
                _write(handle, bytes.AsSpan(0, length), at);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                lock (_gate)
                {
                    _writeFailure = e; // the next append reports it; the unwritten buffers stay readable
                    Monitor.PulseAll(_gate);
                }

                return;
            }

            lock (_gate)
            {
                _waiting.Dequeue();
                _waitingBytes -= length;
                _flushed += length;
                _spare.Push(bytes);
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void ThrowIfWriteFailed()
    {
        if (_writeFailure is { } failure)
        {
            throw new IOException($"cannot write the {_purpose} scratch file: {failure.Message}", failure);
        }
    }

    private SafeFileHandle Handle()
    {
        var handle = Volatile.Read(ref _handle);
        if (handle is not null)
        {
            return handle;
        }

        lock (_creating)
        {
            if (_handle is null)
            {
                var path = Path.Combine(_directory, $"xmtpsim-{_purpose}-{Guid.NewGuid():N}.bin"); // a scratch name, never part of a result
                try
                {
                    var created = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, FileOptions.DeleteOnClose);
                    if (!OperatingSystem.IsWindows())
                    {
                        // Unlinked at once: the open handle keeps the bytes, and nothing is left behind if the
                        // process is killed (Windows deletes a delete-on-close file itself even then).
                        File.Delete(path);
                    }

                    Volatile.Write(ref _handle, created);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new IOException($"cannot create the {_purpose} scratch file {path}: {e.Message}", e);
                }
            }

            return _handle!;
        }
    }
}
