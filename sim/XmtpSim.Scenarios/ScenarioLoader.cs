using System.Text.RegularExpressions;
using XmtpSim.Scenarios.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace XmtpSim.Scenarios;

/// <summary>
/// Reads scenario files: YAML → <c>--set</c> overrides → typed <see cref="Scenario"/> →
/// <see cref="ScenarioValidator"/>. Every error names file, line, column and key path (or the
/// option), and all errors found are reported together.
/// </summary>
public static partial class ScenarioLoader
{
    /// <summary>Reads and validates the file at <paramref name="path"/>; the path as given appears in errors.</summary>
    /// <exception cref="ScenarioException">The file is missing or unreadable, or the scenario is invalid.</exception>
    public static Scenario LoadFile(string path, IReadOnlyList<string>? overrides = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new ScenarioError(path, 0, 0, "", $"cannot read the scenario file: {e.Message}")]);
        }

        return Parse(text, path, overrides);
    }

    /// <summary>Parses and validates <paramref name="yamlText"/>, naming it <paramref name="fileName"/> in errors.</summary>
    /// <exception cref="ScenarioException">The scenario is invalid; <see cref="ScenarioException.Errors"/> lists every problem.</exception>
    public static Scenario Parse(string yamlText, string fileName, IReadOnlyList<string>? overrides = null)
    {
        var result = TryParse(yamlText, fileName, overrides);
        return result.IsValid ? result.Scenario! : throw new ScenarioException(result.Errors);
    }

    /// <summary>
    /// Parses without throwing: binds the scenario (which succeeds whenever there are no binding
    /// errors, so a scenario with, say, a Byzantine fault still comes back) and validates it.
    /// </summary>
    public static ScenarioLoadResult TryParse(string yamlText, string fileName, IReadOnlyList<string>? overrides = null)
    {
        var errors = new List<ScenarioError>();
        YamlNode? root = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yamlText));
            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode;
                errors.Add(new ScenarioError(fileName, (int)second.Start.Line, (int)second.Start.Column, "", "a scenario file holds one YAML document"));
            }

            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException e)
        {
            errors.Add(new ScenarioError(fileName, (int)e.Start.Line, (int)e.Start.Column, "", CleanYamlMessage(e)));
            return new ScenarioLoadResult(null, errors, []);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (e.g. an unclosed flow
            // mapping followed by more lines), without a position: find the last event it managed.
            var (line, column) = LastParsedPosition(yamlText);
            errors.Add(new ScenarioError(fileName, line, column, "", "malformed YAML after this point (an unclosed '{' or '[' ?)"));
            return new ScenarioLoadResult(null, errors, []);
        }

        var origins = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        root = ScenarioOverrides.Apply(root, overrides ?? [], origins, errors);
        var binder = new ScenarioBinder(fileName, origins);
        var scenario = binder.Bind(root);
        errors.AddRange(binder.Errors);
        if (errors.Count > 0)
        {
            // Whole-scenario checks would run on fallback values and report spurious problems.
            return new ScenarioLoadResult(null, errors, []);
        }

        return new ScenarioLoadResult(scenario, errors, ScenarioValidator.Validate(scenario));
    }

    private static (int Line, int Column) LastParsedPosition(string yamlText)
    {
        var parser = new Parser(new StringReader(yamlText));
        var mark = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                mark = parser.Current!.Start;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The position reached so far is the answer.
        }

        return ((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex YamlPositionPrefix();

    /// <summary>YamlDotNet's message without its own position prefix (ours is added in front).</summary>
    internal static string CleanYamlMessage(YamlException e) => YamlPositionPrefix().Replace(e.Message, "");
}
