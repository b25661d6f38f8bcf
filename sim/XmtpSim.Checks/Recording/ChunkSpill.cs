namespace XmtpSim.Checks.Recording;

/// <summary>
/// A scratch file that large recorder tables move their full chunks to while the simulation runs, so the
/// tens of millions of records of a long run do not sit in the heap next to the network they describe. The
/// file is created on the first write, in the system's temporary directory, and deleted when disposed. A chunk
/// is read back into memory the first time anything asks for one of its records (the checks, at the end).
/// Single-threaded, like the recorder.
/// </summary>
public sealed class ChunkSpill : IDisposable
{
    private readonly string _directory;
    private FileStream? _file;

    /// <summary>A spill in <paramref name="directory"/> (the system's temporary directory by default).</summary>
    public ChunkSpill(string? directory = null) => _directory = directory ?? Path.GetTempPath();

    /// <summary>Bytes written so far.</summary>
    public long Length => _file?.Length ?? 0;

    /// <summary>Appends <paramref name="bytes"/>; returns where they start.</summary>
    /// <exception cref="IOException">The scratch file cannot be created or written (the message names it).</exception>
    public long Write(ReadOnlySpan<byte> bytes)
    {
        var file = _file ??= Create();
        var offset = file.Length;
        file.Seek(offset, SeekOrigin.Begin);
        file.Write(bytes);
        return offset;
    }

    /// <summary>Reads back <paramref name="destination"/>.Length bytes written at <paramref name="offset"/>.</summary>
    public void Read(long offset, Span<byte> destination)
    {
        var file = _file ?? throw new InvalidOperationException("nothing was spilled");
        file.Flush();
        file.Seek(offset, SeekOrigin.Begin);
        file.ReadExactly(destination);
    }

    /// <inheritdoc />
    public void Dispose() => _file?.Dispose();

    private FileStream Create()
    {
        var path = Path.Combine(_directory, $"xmtpsim-recorder-{Guid.NewGuid():N}.bin"); // a scratch name, never part of a result
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot create the recorder's scratch file {path}: {e.Message}", e);
        }
    }
}
