using Microsoft.Win32.SafeHandles;

namespace XmtpSim.Protocol.Storage;

/// <summary>
/// An append-only temporary file for bytes a long run moves out of memory and rarely reads again. It is created
/// on the first append in the temporary directory (or the given one) and never outlives the process: outside
/// Windows its name is removed as soon as it is open, so it takes disk space but shows in no directory (Windows
/// deletes it on close, or when the process dies). Appends gather in a 1 MiB buffer that is written whole (one
/// system call per MiB rather than per envelope); reads find recent bytes there and older ones on disk, with
/// positional I/O. Actors on different threads may use one file at once.
/// </summary>
public sealed class ScratchFile : IDisposable
{
    private const int BufferBytes = 1 << 20;

    private readonly string _purpose;
    private readonly string _directory;
    private readonly Lock _creating = new();
    private readonly Lock _gate = new();
    private byte[]? _buffer;
    private int _buffered;
    private long _flushed; // bytes on disk; the buffer holds the next _buffered
    private SafeFileHandle? _handle;
    private long _length;

    /// <param name="purpose">What the file holds, in its name and in errors (e.g. "recorder").</param>
    /// <param name="directory">Where to create it; the temporary directory when null.</param>
    public ScratchFile(string purpose, string? directory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        _purpose = purpose;
        _directory = directory ?? Path.GetTempPath();
    }

    /// <summary>Bytes appended so far.</summary>
    public long Length => Interlocked.Read(ref _length);

    /// <summary>Appends <paramref name="bytes"/>; returns the offset they start at.</summary>
    public long Append(ReadOnlySpan<byte> bytes)
    {
        var handle = Handle();
        lock (_gate)
        {
            var offset = _flushed + _buffered;
            if (_buffered + bytes.Length > BufferBytes)
            {
                Flush(handle);
            }

            if (bytes.Length >= BufferBytes)
            {
                RandomAccess.Write(handle, bytes, offset); // larger than the buffer: straight to disk
                _flushed += bytes.Length;
            }
            else
            {
                bytes.CopyTo((_buffer ??= new byte[BufferBytes]).AsSpan(_buffered));
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
        long onDisk;
        lock (_gate)
        {
            // What is past the flushed end is in the buffer: copy it while no append can move it.
            onDisk = Math.Clamp(_flushed - offset, 0, destination.Length);
            if (onDisk < destination.Length)
            {
                _buffer.AsSpan((int)(offset + onDisk - _flushed), destination.Length - (int)onDisk).CopyTo(destination[(int)onDisk..]);
            }
        }

        // Flushed bytes never change: read them without the lock.
        destination = destination[..(int)onDisk];
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

    /// <summary>Closes and deletes the file.</summary>
    public void Dispose() => _handle?.Dispose();

    // Under the gate.
    private void Flush(SafeFileHandle handle)
    {
        if (_buffered == 0)
        {
            return;
        }

        RandomAccess.Write(handle, _buffer.AsSpan(0, _buffered), _flushed);
        _flushed += _buffered;
        _buffered = 0;
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
