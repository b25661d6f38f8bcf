using System.CommandLine;
using XmtpSim.Cli.Commands;

namespace XmtpSim.Cli;

/// <summary>
/// The command tree and the mapping of failures to exit codes. Tests call <see cref="Run"/> with their
/// own writers, so the process entry point stays a one-liner.
/// </summary>
public static class CliApp
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand CreateRoot() => new("XmtpSim: a deterministic simulator and load tester for the XMTP decentralized network")
    {
        RunCommand.Create(),
        SweepCommand.Create(),
        ValidateCommand.Create(),
        FeeQuoteCommand.Create(),
    };

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'xmtpsim --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Scenarios.ScenarioException ex)
        {
            foreach (var scenarioError in ex.Errors)
            {
                error.WriteLine($"error: {scenarioError}");
            }

            return ExitCodes.BadInput;
        }
        catch (UsageException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            error.WriteLine($"internal error: {ex}");
            return ExitCodes.InternalError;
        }
    }
}
