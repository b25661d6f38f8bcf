using YamlDotNet.RepresentationModel;

namespace XmtpSim.Scenarios.Loading;

/// <summary>
/// The keys of one YAML mapping, checked against the keys the schema allows at that path. Unknown
/// and non-scalar keys are reported once, when the mapping is opened.
/// </summary>
internal sealed class YamlFields
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlFields(ScenarioBinder binder, YamlMappingNode node, string path, IReadOnlyCollection<string> allowed)
    {
        Node = node;
        PathPrefix = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                binder.Error(key, path, "keys must be plain names");
                continue;
            }

            if (!allowed.Contains(name))
            {
                binder.Error(key, Join(path, name), $"unknown key '{name}' (expected one of {string.Join(", ", allowed)})");
                continue;
            }

            _entries[name] = (key, value);
        }
    }

    /// <summary>The mapping itself.</summary>
    public YamlMappingNode Node { get; }

    /// <summary>The key path of the mapping.</summary>
    public string PathPrefix { get; }

    /// <summary>Whether <paramref name="key"/> is present with a non-null value.</summary>
    public bool Has(string key) => this[key] is not null;

    /// <summary>The value of <paramref name="key"/>, or null when absent or written as null (<c>~</c>, <c>null</c>, empty).</summary>
    public YamlNode? this[string key] =>
        _entries.TryGetValue(key, out var entry) && !IsNull(entry.Value) ? entry.Value : null;

    /// <summary>The key node of <paramref name="key"/> if present.</summary>
    public YamlNode? KeyNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>The full key path of <paramref name="key"/>.</summary>
    public string Path(string key) => Join(PathPrefix, key);

    public static string Join(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
