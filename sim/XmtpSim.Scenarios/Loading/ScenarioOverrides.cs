using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace XmtpSim.Scenarios.Loading;

/// <summary>
/// Applies <c>--set key.path=value</c> options to the YAML tree before binding. The value is read as
/// YAML (a scalar, or flow YAML such as <c>{dist: constant, value: 5ms}</c>); missing mappings on the
/// path are created. Every node an option creates or replaces is tagged with the option text, so a
/// binding error about it names the option instead of a file position.
/// </summary>
internal static class ScenarioOverrides
{
    public static YamlNode? Apply(
        YamlNode? root,
        IReadOnlyList<string> overrides,
        Dictionary<YamlNode, string> origins,
        List<ScenarioError> errors)
    {
        foreach (var option in overrides)
        {
            var origin = $"--set {option}";
            void Error(string keyPath, string message) => errors.Add(new ScenarioError(origin, 0, 0, keyPath, message));

            var equals = option.IndexOf('=', StringComparison.Ordinal);
            var path = equals > 0 ? option[..equals].Trim() : "";
            if (path.Length == 0)
            {
                Error("", "expected key.path=value, e.g. --set network.nodes=7");
                continue;
            }

            if (!TryParseValue(option[(equals + 1)..], out var value, out var parseError))
            {
                Error(path, $"the value is not valid YAML: {parseError}");
                continue;
            }

            if (!TryParsePath(path, out var segments))
            {
                Error(path, "expected a dotted key path such as network.latency.default or faults[0].at");
                continue;
            }

            root ??= Tag(new YamlMappingNode(), origin, origins);
            if (root is not YamlMappingNode rootMapping)
            {
                Error(path, "the scenario's top level is not a mapping");
                continue;
            }

            YamlNode current = rootMapping;
            var walked = "";
            for (var i = 0; i < segments.Count; i++)
            {
                var (key, index) = segments[i];
                var last = i == segments.Count - 1;
                var newNode = last ? Tag(value, origin, origins) : null;
                if (index is null)
                {
                    walked = YamlFields.Join(walked, key);
                    if (current is not YamlMappingNode mapping)
                    {
                        Error(path, $"cannot set {path}: {walked[..Math.Max(0, walked.LastIndexOf('.'))]} is not a mapping");
                        break;
                    }

                    var existingKey = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key);
                    if (last)
                    {
                        if (existingKey is null)
                        {
                            mapping.Children.Add(Tag(new YamlScalarNode(key), origin, origins), newNode!);
                        }
                        else
                        {
                            mapping.Children[existingKey] = newNode!;
                        }

                        break;
                    }

                    if ((existingKey is null || YamlFields.IsNull(mapping.Children[existingKey])) && segments[i + 1].Index is { } missingIndex)
                    {
                        Error(path, $"cannot set {path}: {walked}[{missingIndex}] does not exist (an override can index only existing list items)");
                        break;
                    }

                    if (existingKey is null || YamlFields.IsNull(mapping.Children[existingKey]))
                    {
                        var created = Tag(new YamlMappingNode(), origin, origins);
                        if (existingKey is null)
                        {
                            mapping.Children.Add(Tag(new YamlScalarNode(key), origin, origins), created);
                        }
                        else
                        {
                            mapping.Children[existingKey] = created;
                        }

                        current = created;
                    }
                    else
                    {
                        current = mapping.Children[existingKey];
                    }
                }
                else
                {
                    walked = $"{walked}[{index}]";
                    if (current is not YamlSequenceNode sequence || index >= sequence.Children.Count)
                    {
                        Error(path, $"cannot set {path}: {walked} does not exist (an override can index only existing list items)");
                        break;
                    }

                    if (last)
                    {
                        sequence.Children[index.Value] = newNode!;
                        break;
                    }

                    current = sequence.Children[index.Value];
                }
            }
        }

        return root;
    }

    private static bool TryParseValue(string text, out YamlNode value, out string error)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            value = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : new YamlScalarNode("");
            error = "";
            return true;
        }
        catch (YamlException e)
        {
            value = new YamlScalarNode("");
            error = ScenarioLoader.CleanYamlMessage(e);
            return false;
        }
    }

    /// <summary>Splits <c>a.b[2].c</c> (or <c>a.b.2.c</c>) into (key, null) and (key, index) steps.</summary>
    private static bool TryParsePath(string path, out List<(string Key, int? Index)> steps)
    {
        steps = [];
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var indices = new List<int>();
            while (name.EndsWith(']'))
            {
                var open = name.LastIndexOf('[');
                if (open < 0 || !int.TryParse(name[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                {
                    return false;
                }

                indices.Insert(0, i);
                name = name[..open];
            }

            if (name.Length == 0 && indices.Count == 0)
            {
                return false;
            }

            if (name.Length > 0)
            {
                if (steps.Count > 0 && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
                {
                    steps.Add(("", bare));
                }
                else
                {
                    steps.Add((name, null));
                }
            }

            steps.AddRange(indices.Select(i => ("", (int?)i)));
        }

        return steps.Count > 0 && steps[0].Index is null;
    }

    private static T Tag<T>(T node, string origin, Dictionary<YamlNode, string> origins)
        where T : YamlNode
    {
        origins[node] = origin;
        foreach (var child in node.AllNodes)
        {
            origins[child] = origin;
        }

        return node;
    }
}
