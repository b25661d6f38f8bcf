namespace XmtpSim.Cli.Tests;

/// <summary><c>xmtpsim validate</c>: exit code 0 for a good scenario, 2 for bad input naming file, line and key.</summary>
public sealed class ValidateCommandTests
{
    [Fact]
    public void Validate_should_exit_0_for_every_shipped_scenario()
    {
        foreach (var file in Directory.GetFiles(System.IO.Path.GetDirectoryName(RepoFiles.Path("scenarios/baseline.yaml"))!, "*.yaml"))
        {
            var (code, output, error) = CliRunner.Run("validate", file);
            Assert.True(code == 0, $"{file}: {error}");
            Assert.Contains(": ok (", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_should_exit_2_for_a_bad_override_and_name_it()
    {
        var (code, _, error) = CliRunner.Run("validate", RepoFiles.Path("scenarios/baseline.yaml"), "--set", "network.nodez=7");
        Assert.Equal(2, code);
        Assert.Contains("--set network.nodez=7", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_should_exit_2_with_file_line_and_key_for_a_bad_file()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"xmtpsim-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: bad\nnetwork:\n  nodes: 3\n  latency: { dist: gauss }\n");
        try
        {
            var (code, _, error) = CliRunner.Run("validate", path);
            Assert.Equal(2, code);
            Assert.Contains($"{path}:4:", error, StringComparison.Ordinal);
            Assert.Contains("network.latency", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_should_exit_2_for_a_missing_file() =>
        Assert.Equal(2, CliRunner.Run("validate", "scenarios/no-such-file.yaml").ExitCode);
}
