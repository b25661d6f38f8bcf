using System.Globalization;
using XmtpSim.Scenarios;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// The runs of a sweep, every one bound and validated before anything runs: the cross product of the axes (first
/// axis slowest) × <c>K</c> seeds per point (the point's scenario seed + 0 … K−1). Each point's scenario is the file
/// with, in order, <c>journal=hash-only</c> (sweep default; a <c>--set journal=…</c> overrides it), the
/// <c>--set</c> options, then one <c>key=value</c> per axis, applied exactly as <c>--set</c> does.
/// </summary>
public sealed class SweepPlan
{
    /// <summary>The override every sweep run starts from: runs keep only their journal hash unless asked otherwise.</summary>
    public const string DefaultJournalOverride = "journal=hash-only";

    /// <summary>Most runs one sweep may hold (a guard against a typo multiplying the cross product).</summary>
    public const int MaxRuns = 100_000;

    private SweepPlan(Scenario baseScenario, IReadOnlyList<SweepAxis> axes, int seeds, IReadOnlyList<SweepPoint> points, IReadOnlyList<SweepRunSpec> runs)
    {
        BaseScenario = baseScenario;
        Axes = axes;
        SeedsPerPoint = seeds;
        Points = points;
        Runs = runs;
    }

    /// <summary>The scenario with the <c>--set</c> options but no axis applied (its name names the sweep).</summary>
    public Scenario BaseScenario { get; }

    /// <summary>The varied keys, in option order.</summary>
    public IReadOnlyList<SweepAxis> Axes { get; }

    /// <summary>K: runs per point.</summary>
    public int SeedsPerPoint { get; }

    /// <summary>The cross product, first axis slowest.</summary>
    public IReadOnlyList<SweepPoint> Points { get; }

    /// <summary>Every run, point-major then seed.</summary>
    public IReadOnlyList<SweepRunSpec> Runs { get; }

    /// <summary>Builds the plan from a scenario's YAML text.</summary>
    /// <param name="yamlText">The scenario file's text.</param>
    /// <param name="fileName">The file name errors give.</param>
    /// <param name="sets"><c>key=value</c> overrides applied to every point (as <c>--set</c>).</param>
    /// <param name="axes">The <c>--vary</c> options, at least one, each key once.</param>
    /// <param name="seeds">K ≥ 1 runs per point.</param>
    /// <exception cref="ScenarioException">Any point does not bind or validate; errors caused by a value name its <c>--vary</c> option.</exception>
    public static SweepPlan Create(string yamlText, string fileName, IReadOnlyList<string> sets, IReadOnlyList<SweepAxis> axes, int seeds)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new ScenarioException([new ScenarioError("--vary", 0, 0, "", "a sweep needs at least one --vary key.path=v1,v2,...")]);
        }

        if (seeds < 1)
        {
            throw new ScenarioException([new ScenarioError("--seeds", 0, 0, "", $"--seeds must be at least 1, got {seeds}")]);
        }

        var repeated = axes.GroupBy(a => a.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ScenarioException([new ScenarioError($"--vary {repeated.Last().Option}", 0, 0, repeated.Key, "this key is already varied by another --vary option")]);
        }

        var pointCount = axes.Aggregate(1L, (n, a) => n * a.Values.Count);
        if (pointCount * seeds > MaxRuns)
        {
            throw new ScenarioException([new ScenarioError("--vary", 0, 0, "", $"{pointCount} points × {seeds} seeds is more than {MaxRuns} runs")]);
        }

        var common = new List<string> { DefaultJournalOverride };
        common.AddRange(sets);
        var baseScenario = LoadBase(yamlText, fileName, common, axes);
        var points = CrossProduct(axes);
        var errors = new List<ScenarioError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var runs = new List<SweepRunSpec>(points.Count * seeds);
        foreach (var point in points)
        {
            var overrides = new List<string>(common);
            overrides.AddRange(axes.Select((axis, i) => $"{axis.Key}={point.Values[i]}"));
            Scenario scenario;
            try
            {
                scenario = LoadPoint(yamlText, fileName, overrides, axes, point);
            }
            catch (ScenarioException ex)
            {
                errors.AddRange(ex.Errors.Where(e => seen.Add(e.ToString())));
                continue;
            }

            for (var k = 0; k < seeds; k++)
            {
                runs.Add(new SweepRunSpec(runs.Count, point, k, scenario with { Seed = checked(scenario.Seed + k) }));
            }
        }

        if (errors.Count > 0)
        {
            throw new ScenarioException(errors);
        }

        return new SweepPlan(baseScenario ?? runs[0].Scenario, axes, seeds, points, runs);
    }

    private static List<SweepPoint> CrossProduct(IReadOnlyList<SweepAxis> axes)
    {
        var combinations = new List<string[]> { Array.Empty<string>() };
        foreach (var axis in axes)
        {
            combinations = [.. combinations.SelectMany(prefix => axis.Values.Select(v => (string[])[.. prefix, v]))];
        }

        var width = combinations.Count.ToString(CultureInfo.InvariantCulture).Length;
        return [.. combinations.Select((values, i) => new SweepPoint(i, "p" + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'), values))];
    }

    /// <summary>
    /// The scenario with the common overrides only. Binding errors there that no axis touches (a bad file, a bad
    /// <c>--set</c>) are reported once, here; anything else is left to the points, where an axis may settle it.
    /// </summary>
    private static Scenario? LoadBase(string yamlText, string fileName, IReadOnlyList<string> overrides, IReadOnlyList<SweepAxis> axes)
    {
        var result = ScenarioLoader.TryParse(yamlText, fileName, overrides);
        if (result.IsValid)
        {
            return result.Scenario;
        }

        var own = result.BindingErrors.Where(e => !axes.Any(a => Related(e.KeyPath, a.Key))).ToList();
        return own.Count > 0 ? throw new ScenarioException(own) : null;
    }

    private static bool Related(string errorKey, string axisKey) =>
        errorKey.StartsWith(axisKey, StringComparison.Ordinal) || axisKey.StartsWith(errorKey, StringComparison.Ordinal);

    /// <summary>Loads one point; an error caused by an axis value names that <c>--vary</c> option and the value.</summary>
    private static Scenario LoadPoint(string yamlText, string fileName, IReadOnlyList<string> overrides, IReadOnlyList<SweepAxis> axes, SweepPoint point)
    {
        var result = ScenarioLoader.TryParse(yamlText, fileName, overrides);
        if (result.IsValid)
        {
            return result.Scenario!;
        }

        var errors = new List<ScenarioError>();
        foreach (var error in result.Errors)
        {
            var axis = -1;
            for (var i = 0; i < axes.Count; i++)
            {
                if (error.File == $"--set {axes[i].Key}={point.Values[i]}")
                {
                    axis = i;
                }
            }

            errors.Add(axis >= 0
                ? error with { File = $"--vary {axes[axis].Option}", Message = $"{error.Message} (value {point.Values[axis]})" }
                : error with { Message = $"{error.Message} (sweep point {point.Describe(axes)})" });
        }

        throw new ScenarioException(errors);
    }
}
