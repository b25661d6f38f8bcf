namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// What to draw for one (headline figure, varied key): x = the key's values (numeric on <see cref="Scale"/>, else
/// categories in option order), y = the figure's mean with its 95 % interval as error bars, one series per
/// combination of the other keys' values (a single unnamed series when only one key is varied).
/// </summary>
/// <param name="Figure">The figure on y.</param>
/// <param name="Axis">The varied key on x.</param>
/// <param name="Series">The series, in the cross product's order.</param>
public sealed record SweepChart(HeadlineFigure Figure, SweepAxis Axis, IReadOnlyList<SweepSeries> Series)
{
    /// <summary>How x is placed.</summary>
    public SweepAxisScale Scale => Axis.Scale;

    /// <summary>A file-name-safe id, <c>&lt;figure&gt;-vs-&lt;key&gt;</c> with '.' kept.</summary>
    public string Id => $"{Figure.Name}-vs-{string.Concat(Axis.Key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_'))}";

    /// <summary>The x-axis label, with the unit of <see cref="Scale"/>.</summary>
    public string XLabel => Scale switch
    {
        SweepAxisScale.Bytes => $"{Axis.Key} (bytes)",
        SweepAxisScale.Seconds => $"{Axis.Key} (seconds)",
        _ => Axis.Key,
    };

    /// <summary>The y-axis label: title and unit.</summary>
    public string YLabel => $"{Figure.Title} ({Figure.Unit})";
}
