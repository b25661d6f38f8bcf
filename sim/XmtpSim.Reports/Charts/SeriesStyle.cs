namespace XmtpSim.Reports.Charts;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Points joined by lines.</summary>
    Line,

    /// <summary>Points joined by lines, each point marked (few points, e.g. a sweep's values).</summary>
    LineAndMarkers,

    /// <summary>A staircase (cumulative distributions).</summary>
    Step,

    /// <summary>Markers only.</summary>
    Markers,

    /// <summary>Vertical bars centred on each x (categories or histogram bins).</summary>
    Bars,
}
