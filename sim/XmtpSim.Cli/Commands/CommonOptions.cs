using System.CommandLine;
using XmtpSim.Scenarios;

namespace XmtpSim.Cli.Commands;

/// <summary>Options and scenario loading shared by the verbs that take a scenario file.</summary>
public static class CommonOptions
{
    /// <summary><c>--set key.path=value</c>, repeatable.</summary>
    public static Option<string[]> Set() => new("--set")
    {
        Description = "Override any scenario key: --set key.path=value (repeatable)",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Loads and validates a scenario; every problem becomes a usage error naming file, line and key.</summary>
    public static Scenario LoadScenario(string path, IReadOnlyList<string> overrides)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such scenario file");
        }

        try
        {
            return ScenarioLoader.LoadFile(path, overrides);
        }
        catch (ScenarioException ex)
        {
            throw new UsageException(string.Join(Environment.NewLine, ex.Errors.Select(e => e.ToString())), ex);
        }
    }
}
