using System.CommandLine;
using XmtpSim.Scenarios;

namespace XmtpSim.Cli;

/// <summary>
/// The <c>xmtpsim</c> entry point. Exit codes (SCENARIOS.md): 0 success, 1 a check failed,
/// 2 bad input, 3 internal error. Only <c>validate</c> exists so far; the other verbs come with the
/// engine.
/// </summary>
internal static class Program
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a scenario, option or target that is wrong.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for a bug or an unexpected failure.</summary>
    public const int InternalError = 3;

    public static int Main(string[] args)
    {
        var root = new RootCommand("XmtpSim: a simulator and load tester for the XMTP decentralized network");
        root.Subcommands.Add(ValidateCommand());
        try
        {
            return root.Parse(args).Invoke();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"xmtpsim: internal error: {e}");
            return InternalError;
        }
    }

    private static Command ValidateCommand()
    {
        var file = new Argument<string>("scenario") { Description = "The scenario file (YAML)" };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a scenario key: --set key.path=value (repeatable)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "Check a scenario file and print every problem with its file, line and key")
        {
            file,
            set,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            try
            {
                var scenario = ScenarioLoader.LoadFile(path, parse.GetValue(set) ?? []);
                Console.Out.WriteLine($"{path}: ok ({scenario.Name}, seed {scenario.Seed}, {scenario.Network.Nodes} nodes, {scenario.Workload.Clients} clients, duration {ScenarioUnits.FormatDuration(scenario.Duration)})");
                return Success;
            }
            catch (ScenarioException e)
            {
                foreach (var error in e.Errors)
                {
                    Console.Error.WriteLine(error);
                }

                return BadInput;
            }
        });
        return command;
    }
}
