namespace XmtpSim.Scenarios.Tests;

/// <summary>Helpers for writing scenario text in tests.</summary>
internal static class Yaml
{
    public const string File = "scenarios/test.yaml";

    /// <summary>Parses and expects failure; returns the errors.</summary>
    public static IReadOnlyList<ScenarioError> Errors(string yaml, params string[] overrides)
    {
        var result = ScenarioLoader.TryParse(yaml, File, overrides);
        Assert.False(result.IsValid, "expected the scenario to be rejected");
        return result.Errors;
    }

    /// <summary>Expects exactly one error and checks its line and key path, and that the text names both.</summary>
    public static ScenarioError Single(string yaml, int line, string keyPath, string messagePart)
    {
        var errors = Errors(yaml);
        var error = Assert.Single(errors);
        AssertError(error, line, keyPath, messagePart);
        return error;
    }

    public static void AssertError(ScenarioError error, int line, string keyPath, string messagePart)
    {
        Assert.Equal(File, error.File);
        Assert.Equal(line, error.Line);
        Assert.True(error.Column > 0);
        Assert.Equal(keyPath, error.KeyPath);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        var text = error.ToString();
        Assert.StartsWith($"{File}:{line}:{error.Column}: {keyPath}: ", text, StringComparison.Ordinal);
    }
}
