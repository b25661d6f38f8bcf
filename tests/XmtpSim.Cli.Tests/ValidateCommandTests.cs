namespace XmtpSim.Cli.Tests;

/// <summary><c>xmtpsim validate</c>: exit code 0 for a good scenario, 2 for bad input.</summary>
public sealed class ValidateCommandTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, relative)))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, relative);
    }

    [Fact]
    public void Validate_should_exit_0_for_a_shipped_scenario() =>
        Assert.Equal(Program.Success, Program.Main(["validate", RepoFile("scenarios/baseline.yaml")]));

    [Fact]
    public void Validate_should_exit_2_for_a_bad_override() =>
        Assert.Equal(Program.BadInput, Program.Main(["validate", RepoFile("scenarios/baseline.yaml"), "--set", "network.nodez=7"]));

    [Fact]
    public void Validate_should_exit_2_for_a_missing_file() =>
        Assert.Equal(Program.BadInput, Program.Main(["validate", "scenarios/no-such-file.yaml"]));
}
