namespace XmtpSim.Simulation.Sweeps;

/// <summary>How the values of a <see cref="SweepAxis"/> are placed on a chart's x axis.</summary>
public enum SweepAxisScale
{
    /// <summary>Not numbers: one evenly spaced category per value, in option order.</summary>
    Categorical,

    /// <summary>Plain numbers (invariant culture).</summary>
    Number,

    /// <summary>Sizes (<c>256B</c>, <c>4KiB</c>), in bytes.</summary>
    Bytes,

    /// <summary>Durations (<c>250ms</c>, <c>1m</c>), in seconds.</summary>
    Seconds,
}
