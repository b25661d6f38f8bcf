namespace XmtpSim.Scenarios;

/// <summary>One problem found in a scenario file or a <c>--set</c> option.</summary>
/// <param name="File">The file name, or the <c>--set key=value</c> option the value came from.</param>
/// <param name="Line">1-based line (0 for options).</param>
/// <param name="Column">1-based column (0 for options).</param>
/// <param name="KeyPath">Dotted key path, e.g. <c>network.latency.default</c>.</param>
/// <param name="Message">What is wrong and, where it helps, what was expected.</param>
public sealed record ScenarioError(string File, int Line, int Column, string KeyPath, string Message)
{
    /// <summary>Builds an error at <paramref name="location"/>.</summary>
    public static ScenarioError At(SourceLocation location, string message) =>
        new(location.File, location.Line, location.Column, location.KeyPath, message);

    /// <summary>
    /// <c>file:line:column: key.path: message</c>, or <c>--set k=v: key.path: message</c> for options.
    /// </summary>
    public override string ToString()
    {
        var position = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return KeyPath.Length > 0 ? $"{position}: {KeyPath}: {Message}" : $"{position}: {Message}";
    }
}
