namespace XmtpSim.Reports.Tests;

/// <summary>
/// A fact that needs headless Chromium (Debian package <c>chromium</c>). Skipped with a clear message where it is
/// absent outside CI; when <c>CI=true</c> the test runs anyway and fails, so CI cannot silently skip it.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where the Debian package installs the browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !IsCi)
        {
            Skip = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium); skipped outside CI.";
        }
    }

    /// <summary>True when the environment variable CI is "true".</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
