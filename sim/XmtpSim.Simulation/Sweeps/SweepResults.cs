namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// The results model of a sweep: every run (rows of <c>sweep.csv</c>, point-major then seed, whatever order they
/// finished in), per-point estimates, and the charts to draw. Writers (<see cref="SweepOutput"/>,
/// <see cref="ISweepChartWriter"/>) read it; they never run anything.
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Axes">The varied keys, in option order.</param>
/// <param name="SeedsPerPoint">K.</param>
/// <param name="Figures">The headline figures, in column order (<see cref="HeadlineFigures.All"/>).</param>
/// <param name="Runs">Every run, point-major then seed.</param>
/// <param name="Points">Every point with its estimates, in cross-product order.</param>
public sealed record SweepResults(
    string Scenario,
    IReadOnlyList<SweepAxis> Axes,
    int SeedsPerPoint,
    IReadOnlyList<HeadlineFigure> Figures,
    IReadOnlyList<SweepRun> Runs,
    IReadOnlyList<SweepPointSummary> Points)
{
    /// <summary>Whether every check of every run passed (exit code 0, else 1).</summary>
    public bool AllChecksPassed => Runs.All(r => r.ChecksPassed);

    /// <summary>Builds the model from finished runs (in any order).</summary>
    public static SweepResults From(string scenario, IReadOnlyList<SweepAxis> axes, int seedsPerPoint, IReadOnlyList<SweepPoint> points, IEnumerable<SweepRun> runs)
    {
        ArgumentNullException.ThrowIfNull(points);
        var ordered = runs.OrderBy(r => r.Spec.Index).ToList();
        var figures = HeadlineFigures.All;
        var byPoint = ordered.ToLookup(r => r.Spec.Point.Index);
        var summaries = points
            .Select(p =>
            {
                var pointRuns = byPoint[p.Index].ToList();
                return new SweepPointSummary(p, pointRuns, [.. figures.Select((_, f) => Estimate.Of(pointRuns.Select(r => r.Figures[f])))]);
            })
            .ToList();
        return new SweepResults(scenario, axes, seedsPerPoint, figures, ordered, summaries);
    }

    /// <summary>One chart per (charted figure, varied key), figure-major.</summary>
    public IReadOnlyList<SweepChart> Charts() =>
        [.. Figures.Where(f => f.Charted).SelectMany(f => Axes.Select((_, a) => Chart(f, a)))];

    /// <summary>The chart of <paramref name="figure"/> against axis <paramref name="axis"/> (0-based).</summary>
    public SweepChart Chart(HeadlineFigure figure, int axis)
    {
        var f = IndexOf(figure);
        var key = Axes[axis];
        var others = Enumerable.Range(0, Axes.Count).Where(a => a != axis).ToList();
        var series = Points
            .GroupBy(p => string.Join(", ", others.Select(a => $"{Axes[a].Key}={p.Point.Values[a]}")), StringComparer.Ordinal)
            .Select(g => new SweepSeries(
                g.Key,
                [.. g.OrderBy(p => IndexIn(key, p.Point.Values[axis]))
                    .Select(p => new SweepChartPoint(p.Point.Values[axis], key.NumericValue(p.Point.Values[axis]), IndexIn(key, p.Point.Values[axis]), p.Figures[f], p.Point))]))
            .ToList();
        return new SweepChart(figure, key, series);
    }

    private int IndexOf(HeadlineFigure figure)
    {
        for (var i = 0; i < Figures.Count; i++)
        {
            if (Figures[i].Name == figure.Name)
            {
                return i;
            }
        }

        throw new ArgumentException($"{figure.Name} is not a figure of this sweep", nameof(figure));
    }

    private static int IndexIn(SweepAxis axis, string value)
    {
        for (var i = 0; i < axis.Values.Count; i++)
        {
            if (axis.Values[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
