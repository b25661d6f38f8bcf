namespace XmtpSim.Checks.Recording;

/// <summary>
/// Interns strings (actor names, topics, payers, digests) to dense ids in first-seen order, so records hold an
/// <see cref="int"/> instead of a string and ids are the same for the same journal.
/// </summary>
public sealed class StringTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    /// <summary>Distinct strings interned.</summary>
    public int Count => _values.Count;

    /// <summary>The string with id <paramref name="id"/>.</summary>
    public string this[int id] => _values[id];

    /// <summary>The id of <paramref name="value"/>, adding it when new.</summary>
    public int Intern(string value)
    {
        if (_ids.TryGetValue(value, out var id))
        {
            return id;
        }

        id = _values.Count;
        _ids.Add(value, id);
        _values.Add(value);
        return id;
    }

    /// <summary>The id of <paramref name="value"/> if it was interned.</summary>
    public bool TryGetId(string value, out int id) => _ids.TryGetValue(value, out id);
}
