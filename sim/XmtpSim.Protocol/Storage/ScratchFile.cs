using Microsoft.Win32.SafeHandles;

namespace XmtpSim.Protocol.Storage;

/// <summary>
/// An append-only temporary file for bytes a long run moves out of memory and rarely reads again. It is created
/// on the first append in the temporary directory (or the given one) and never outlives the process: outside
/// Windows its name is removed as soon as it is open, so it takes disk space but shows in no directory (Windows
/// deletes it on close, or when the process dies). Appends and reads use positional I/O, so actors on different
/// threads may use one file at once; an append reserves its range first, so concurrent appends never overlap.
/// </summary>
public sealed class ScratchFile : IDisposable
{
    private readonly string _purpose;
    private readonly string _directory;
    private readonly Lock _creating = new();
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
        var offset = Interlocked.Add(ref _length, bytes.Length) - bytes.Length;
        RandomAccess.Write(handle, bytes, offset);
        return offset;
    }

    /// <summary>Reads <paramref name="destination"/>'s length of bytes from <paramref name="offset"/>, all of which were appended.</summary>
    public void Read(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset + destination.Length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"{destination.Length} bytes at {offset} are outside the {_purpose} scratch file's {Length} bytes");
        }

        var handle = _handle ?? throw new InvalidOperationException($"nothing was written to the {_purpose} scratch file");
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
