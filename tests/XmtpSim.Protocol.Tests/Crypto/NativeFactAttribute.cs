using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

/// <summary>
/// A fact that needs libsecp256k1. Skipped with the load error when the library is absent, unless the
/// environment variable CI is "true": CI installs the library, so there its absence fails the test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (LibSecp256k1.Instance is null && !IsCi)
        {
            Skip = "libsecp256k1 is not available, native backend not tested: " + LibSecp256k1.LoadError
                + " (with CI=true this is a failure)";
        }
    }

    internal static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The native backend; fails the test (CI) when it could not be loaded.</summary>
    internal static LibSecp256k1 RequireNative()
    {
        var native = LibSecp256k1.Instance;
        Assert.True(native is not null, "CI=true but libsecp256k1 could not be loaded: " + LibSecp256k1.LoadError);
        return native!;
    }
}
