namespace XmtpSim.Checks.Output;

/// <summary>
/// deliveries.csv written while a run records it: the rows go to <c>deliveries.csv.partial</c>, which becomes
/// <c>deliveries.csv</c> only when <see cref="Complete"/> is called after the last row. Disposed without that (the run
/// failed), the partial file is deleted, so an output folder never holds a deliveries.csv that stops half-way.
/// </summary>
public sealed class DeliveriesFile : IDisposable
{
    /// <summary>Suffix of the file while it is being written.</summary>
    public const string PartialSuffix = ".partial";

    private readonly FileStream _stream;
    private readonly string _partialPath;
    private bool _completed;

    /// <summary>Creates the partial file in <paramref name="directory"/> (created if missing).</summary>
    public DeliveriesFile(string directory)
    {
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, RunOutput.FileNames[1]);
        _partialPath = Path + PartialSuffix;
        _stream = new FileStream(_partialPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
    }

    /// <summary>Where the finished file goes.</summary>
    public string Path { get; }

    /// <summary>The stream the rows go to.</summary>
    public Stream Stream => _stream;

    /// <summary>Closes the file and gives it its final name, replacing an older deliveries.csv.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _stream.Dispose();
        File.Move(_partialPath, Path, overwrite: true);
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _stream.Dispose();
        File.Delete(_partialPath);
    }
}
