namespace XmtpSim.Scenarios;

/// <summary>
/// Where a value came from: a scenario file position (1-based line and column), or a
/// <c>--set</c> option (then <see cref="File"/> is the option text and line and column are 0).
/// </summary>
/// <param name="File">The file name as given to the loader, or the <c>--set key=value</c> text.</param>
/// <param name="Line">1-based line, 0 when the value came from an option.</param>
/// <param name="Column">1-based column, 0 when the value came from an option.</param>
/// <param name="KeyPath">Dotted key path from the root, e.g. <c>network.latency.default</c> or <c>faults[2].at</c>.</param>
public sealed record SourceLocation(string File, int Line, int Column, string KeyPath)
{
    /// <summary>A location for values built in code rather than read from a file.</summary>
    public static SourceLocation None { get; } = new("<code>", 0, 0, "");

    /// <summary><c>file:line:column</c>, or just the option text when there is no line.</summary>
    public string Position => Line > 0 ? $"{File}:{Line}:{Column}" : File;

    /// <inheritdoc />
    public override string ToString() => $"{Position}: {KeyPath}";
}
