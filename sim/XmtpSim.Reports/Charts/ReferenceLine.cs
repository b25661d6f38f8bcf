namespace XmtpSim.Reports.Charts;

/// <summary>A horizontal line at a fixed y (a target or a limit), labelled in the legend.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Y">Value on the left axis.</param>
public sealed record ReferenceLine(string Label, double Y);
