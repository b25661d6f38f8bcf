namespace XmtpSim.Scenarios.Checks;

/// <summary>
/// One end-of-run check (an item of <c>checks</c>), a pure function of the journal run by the
/// checker. A closed set; <see cref="Key"/> is the name used in the file and in <c>summary.json</c>.
/// </summary>
public abstract record Check
{
    private protected Check()
    {
    }

    /// <summary>The scenario-file name of the check, e.g. <c>no_loss</c>.</summary>
    public abstract string Key { get; }
}
