namespace XmtpSim.Cli;

/// <summary>Process exit codes (SCENARIOS.md).</summary>
public static class ExitCodes
{
    /// <summary>Success, and every check passed.</summary>
    public const int Success = 0;

    /// <summary>A check failed; the report says which.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input: scenario, options or target. The message names the file, line and key, or the option.</summary>
    public const int BadInput = 2;

    /// <summary>An internal error.</summary>
    public const int InternalError = 3;
}
