using System.Management.Automation.Language;

namespace XmtpSim.Cli.Tests;

/// <summary>
/// <c>run-sim.ps1</c> must stay a thin pass-through to <c>sim/XmtpSim.Cli</c>. PowerShell is not
/// installable here, so the script is checked with the PowerShell parser and its AST.
/// </summary>
public sealed class RunSimScriptTests
{
    private static string ScriptPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "run-sim.ps1")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "run-sim.ps1");
    }

    private static ScriptBlockAst ParseScript()
    {
        var ast = Parser.ParseFile(ScriptPath(), out _, out var errors);
        Assert.Empty(errors);
        return ast;
    }

    [Fact]
    public void Script_should_parse_without_syntax_errors()
    {
        var ast = ParseScript();
        Assert.NotEmpty(ast.EndBlock.Statements);
    }

    [Fact]
    public void The_parser_should_report_syntax_errors_so_the_check_above_is_not_vacuous()
    {
        Parser.ParseInput("dotnet run -- @args\nexit $LASTEXITCODE (", out _, out var errors);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Script_should_forward_all_arguments_to_dotnet_run_of_the_cli_project()
    {
        var ast = ParseScript();
        var dotnet = ast.FindAll(a => a is CommandAst c && c.GetCommandName() == "dotnet", true)
            .Cast<CommandAst>()
            .Single();
        var elements = dotnet.CommandElements.Select(e => e.Extent.Text).ToList();

        Assert.Equal("run", elements[1]);
        Assert.Contains("Release", elements);
        var separator = elements.IndexOf("--");
        Assert.True(separator > 0, "dotnet run must end its own options with --");

        // The project is given with --project, before the separator, and resolves to sim/XmtpSim.Cli
        // relative to the script's own folder.
        var projectIndex = elements.IndexOf("--project");
        Assert.InRange(projectIndex, 1, separator - 1);
        var projectArg = dotnet.CommandElements[projectIndex + 1];
        Assert.Contains("sim/XmtpSim.Cli", ResolveText(ast, projectArg), StringComparison.Ordinal);
        Assert.Contains("$PSScriptRoot", ResolveText(ast, projectArg), StringComparison.Ordinal);

        // Everything after the separator is exactly the script's arguments, splatted.
        var forwarded = dotnet.CommandElements.Skip(separator + 1).ToList();
        var only = Assert.Single(forwarded);
        var variable = Assert.IsType<VariableExpressionAst>(only);
        Assert.Equal("args", variable.VariablePath.UserPath);
        Assert.True(variable.Splatted, "arguments must be forwarded as @args");
    }

    [Fact]
    public void Script_should_exit_with_the_cli_exit_code()
    {
        var ast = ParseScript();
        var last = ast.EndBlock.Statements[^1];
        var exit = Assert.IsType<ExitStatementAst>(last);
        var code = Assert.IsType<VariableExpressionAst>(
            Assert.IsType<CommandExpressionAst>(Assert.IsType<PipelineAst>(exit.Pipeline).PipelineElements[0]).Expression);
        Assert.Equal("LASTEXITCODE", code.VariablePath.UserPath);
    }

    /// <summary>The argument's text, with one level of variable assignment in the script inlined.</summary>
    private static string ResolveText(ScriptBlockAst ast, CommandElementAst element)
    {
        if (element is not VariableExpressionAst variable)
        {
            return element.Extent.Text;
        }

        var assignment = ast.FindAll(
                a => a is AssignmentStatementAst s
                    && s.Left is VariableExpressionAst v
                    && string.Equals(v.VariablePath.UserPath, variable.VariablePath.UserPath, StringComparison.OrdinalIgnoreCase),
                true)
            .Cast<AssignmentStatementAst>()
            .Single();
        return assignment.Right.Extent.Text;
    }
}
