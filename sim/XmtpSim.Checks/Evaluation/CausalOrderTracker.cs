using XmtpSim.Checks.Recording;
using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// <c>causal_order</c> evaluated while the history is recorded, so that a long run's check costs nothing after the
/// simulation. The recorder hands it each join and apply in journal order, and the time of each delivery. It gives
/// exactly the tally of the check's replay of the finished history (<see cref="CausalOrder.Replay"/>), which walks the
/// applies in journal order and, before each, takes the joins in journal order up to the first one later than that
/// apply.
/// <para>
/// An event's time is its actor's clock, which runs ahead of the instant by the CPU time the handler charged, so the
/// journal is not in time order and a join journaled after an apply may still come first in the replay. An apply
/// therefore waits until the joins that could come before it are known: a join later than it has been journaled (it
/// stops the replay's walk), or the engine has delivered a message later than it (<see cref="Reached"/>: a delivery is
/// journaled at its instant's time, instants are journaled in order, and no event is earlier than its instant, so
/// every join still to come is later than the apply). A join earlier than a delivery already seen breaks that rule;
/// the tracker then stops (<see cref="Exact"/> is false) and the check replays the history.
/// </para>
/// </summary>
internal sealed class CausalOrderTracker(ChunkedList<EnvelopeId> dependencyPool)
{
    private readonly Queue<ApplyRecord> _applies = new();
    private readonly Queue<JoinRecord> _joins = new();
    private CausalOrderState? _state = new(dependencyPool);
    private long _reached = long.MinValue;

    /// <summary>False once a join came earlier than a delivery before it: the tally is then the replay's to make.</summary>
    public bool Exact => _state is not null;

    /// <summary>The engine delivered a message at <paramref name="timeNs"/>: no event still to come is earlier.</summary>
    public void Reached(long timeNs)
    {
        if (timeNs > _reached)
        {
            _reached = timeNs;
            if (_applies.Count > 0)
            {
                Drain(finished: false);
            }
        }
    }

    /// <summary>A join (it counts as having applied commit (0, commit)).</summary>
    public void Join(in JoinRecord join)
    {
        if (!Exact)
        {
            return;
        }

        if (join.TimeNs < _reached)
        {
            _state = null;
            _applies.Clear();
            _joins.Clear();
            return;
        }

        _joins.Enqueue(join);
        Drain(finished: false);
    }

    /// <summary>An apply as recorded (its depends_on in the pool).</summary>
    public void Apply(in ApplyRecord apply)
    {
        if (Exact)
        {
            _applies.Enqueue(apply);
            Drain(finished: false);
        }
    }

    /// <summary>The tally over everything recorded so far.</summary>
    /// <exception cref="InvalidOperationException">The tracker stopped (<see cref="Exact"/> is false).</exception>
    public CausalTally Tally()
    {
        if (_state is null)
        {
            throw new InvalidOperationException("a join came earlier than a delivery before it: replay the history instead");
        }

        Drain(finished: true);
        return _state.Tally;
    }

    // Evaluates the waiting applies, in order, as far as the joins before each are known.
    private void Drain(bool finished)
    {
        while (_applies.TryPeek(out var apply))
        {
            while (_joins.TryPeek(out var join) && join.TimeNs <= apply.TimeNs)
            {
                _joins.Dequeue();
                _state!.Join(join);
            }

            if (_joins.Count == 0 && !finished && _reached <= apply.TimeNs)
            {
                return; // a join still to come may be due before it
            }

            _applies.Dequeue();
            _state!.Apply(apply);
        }
    }
}
