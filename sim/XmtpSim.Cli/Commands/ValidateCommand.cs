using System.CommandLine;
using XmtpSim.Scenarios;

namespace XmtpSim.Cli.Commands;

/// <summary><c>xmtpsim validate &lt;scenario&gt; [--set key=value ...]</c>: every problem with its file, line and key.</summary>
public static class ValidateCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "The scenario file (YAML)" };
        var set = CommonOptions.Set();
        var command = new Command("validate", "Check a scenario file and print every problem with its file, line and key")
        {
            file,
            set,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var scenario = CommonOptions.LoadScenario(path, parse.GetValue(set) ?? []);
            parse.InvocationConfiguration.Output.WriteLine(
                $"{path}: ok ({scenario.Name}, seed {scenario.Seed}, {scenario.Network.Nodes} nodes, {scenario.Workload.Clients} clients, duration {ScenarioUnits.FormatDuration(scenario.Duration)})");
            return ExitCodes.Success;
        });
        return command;
    }
}
