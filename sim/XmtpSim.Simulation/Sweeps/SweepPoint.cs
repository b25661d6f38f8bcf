namespace XmtpSim.Simulation.Sweeps;

/// <summary>One point of the cross product: a value for every axis.</summary>
/// <param name="Index">0-based position in the cross product (the first axis varies slowest).</param>
/// <param name="Name">Folder-safe name, <c>p01</c>, <c>p02</c>, … (1-based, zero-padded to the point count).</param>
/// <param name="Values">One value per axis, in axis order, as written in the option.</param>
public sealed record SweepPoint(int Index, string Name, IReadOnlyList<string> Values)
{
    /// <summary><c>key=value</c> pairs joined by ", " for messages and tables.</summary>
    public string Describe(IReadOnlyList<SweepAxis> axes) =>
        string.Join(", ", axes.Select((axis, i) => $"{axis.Key}={Values[i]}"));
}
