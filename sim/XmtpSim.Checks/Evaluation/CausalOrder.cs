using XmtpSim.Checks.Recording;

namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// <c>causal_order</c>: no client applies an envelope before its depends_on is dominated by what that client had
/// applied on that topic (per topic, the highest applied sequence per originator ≥ each dependency). Joining at
/// commit c counts as having applied commit (0, c). An apply with a dropped dependency is a violation.
/// The recorder evaluates it as it records (<see cref="CausalOrderTracker"/>); <see cref="Replay"/> gives the same
/// tally from the finished history, and is used when the tracker could not be.
/// </summary>
internal static class CausalOrder
{
    public static CheckResult Evaluate(string name, RecordedHistory history)
    {
        var tally = history.CausalOrder.Exact ? history.CausalOrder.Tally() : Replay(history);
        var evidence = $"{Format.Int(history.Applies.Count)} applies checked against their depends_on; " +
            $"{Format.Int(tally.Violations)} violations ({Format.Int(tally.Dropped)} with a dropped dependency)";
        return tally.First is not { } first ? CheckResult.Pass(name, evidence) : CheckResult.Fail(name, evidence, Describe(history, first));
    }

    /// <summary>The tally from a pass over the finished history's joins and applies.</summary>
    public static CausalTally Replay(RecordedHistory history)
    {
        var state = new CausalOrderState(history.DependencyPool);
        var joins = history.Joins;
        var nextJoin = 0;
        foreach (var apply in history.Applies)
        {
            // Joins and applies are both in journal order; a join at the same time comes first.
            while (nextJoin < joins.Count && joins[nextJoin].TimeNs <= apply.TimeNs)
            {
                state.Join(joins[nextJoin++]);
            }

            state.Apply(apply);
        }

        return state.Tally;
    }

    private static string Describe(RecordedHistory history, CausalViolation violation)
    {
        var apply = violation.Apply;
        var applied = $"{history.Actors[apply.Client]} applied {Format.Envelope(apply.Envelope)} on {history.Topics[apply.Topic]} " +
            $"at {Format.Seconds(apply.TimeNs)}{ReadFrom(history, apply)}";
        return violation.Dependency is { } dependency
            ? $"{applied} before its dependency {Format.Envelope(dependency)}: it had applied up to {dependency.Originator}:{violation.Had} on that topic"
            : $"{applied} after giving up on a dependency of {Deps(history, apply)}";
    }

    private static string ReadFrom(RecordedHistory history, ApplyRecord apply) =>
        apply.ReadNode >= 0 ? $" (read from {history.Actors[apply.ReadNode]})" : string.Empty;

    private static string Deps(RecordedHistory history, ApplyRecord apply)
    {
        var entries = new List<string>(apply.DependsOnCount);
        for (var i = 0; i < apply.DependsOnCount; i++)
        {
            entries.Add(Format.Envelope(history.DependencyPool[apply.DependsOnStart + i]));
        }

        return "{" + string.Join(", ", entries) + "}";
    }
}
