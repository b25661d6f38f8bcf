using System.Runtime.InteropServices;
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
/// <para>
/// State per (client, topic): the highest sequence applied per originator, in one row of a flat array, with one
/// column per originator seen (a handful), so an apply costs one hash lookup.
/// </para>
/// </summary>
internal sealed class CausalOrderTracker(ChunkedList<EnvelopeId> dependencyPool)
{
    private readonly Dictionary<long, int> _rows = [];
    private readonly Queue<ApplyRecord> _applies = new();
    private readonly Queue<JoinRecord> _joins = new();
    private uint[] _originators = new uint[4];
    private int _originatorCount;
    private int _stride = 4;
    private ulong[] _state = new ulong[4 << 10];
    private long _reached = long.MinValue;
    private CausalTally _tally;

    /// <summary>False once a join came earlier than a delivery before it: the tally is then the replay's to make.</summary>
    public bool Exact { get; private set; } = true;

    /// <summary>The engine delivered a message at <paramref name="timeNs"/>: no event still to come is earlier.</summary>
    public void Reached(long timeNs)
    {
        if (timeNs > _reached)
        {
            _reached = timeNs;
            if (_applies.Count > 0 && Exact)
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
            Exact = false;
            _applies.Clear();
            _joins.Clear();
            _rows.Clear();
            _state = [];
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
        if (!Exact)
        {
            throw new InvalidOperationException("a join came earlier than a delivery before it: replay the history instead");
        }

        Drain(finished: true);
        return _tally;
    }

    // Evaluates the waiting applies, in order, as far as the joins before each are known.
    private void Drain(bool finished)
    {
        while (_applies.TryPeek(out var apply))
        {
            while (_joins.TryPeek(out var join) && join.TimeNs <= apply.TimeNs)
            {
                _joins.Dequeue();
                Advance(Row(join.Client, join.Topic), 0, join.CommitSequence);
            }

            if (_joins.Count == 0 && !finished && _reached <= apply.TimeNs)
            {
                return; // a join still to come may be due before it
            }

            _applies.Dequeue();
            Evaluate(apply);
        }
    }

    private void Evaluate(in ApplyRecord apply)
    {
        var row = Row(apply.Client, apply.Topic);
        if (apply.DependencyDropped)
        {
            _tally.Violations++;
            _tally.Dropped++;
            _tally.First ??= new CausalViolation(apply, null, 0);
        }
        else
        {
            for (var i = 0; i < apply.DependsOnCount; i++)
            {
                var dependency = dependencyPool[apply.DependsOnStart + i];
                var have = Applied(row, dependency.Originator);
                if (have < dependency.Sequence)
                {
                    _tally.Violations++;
                    _tally.First ??= new CausalViolation(apply, dependency, have);
                    break;
                }
            }
        }

        Advance(row, apply.Envelope.Originator, apply.Envelope.Sequence);
    }

    // The row of (client, topic), numbered in order of first use; its columns start at row × stride.
    private int Row(int client, int topic)
    {
        ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(_rows, ((long)client << 32) | (uint)topic, out var exists);
        if (!exists)
        {
            row = _rows.Count - 1;
            if ((row + 1) * _stride > _state.Length)
            {
                Array.Resize(ref _state, 2 * _state.Length);
            }
        }

        return row;
    }

    private ulong Applied(int row, uint originator)
    {
        var column = Array.IndexOf(_originators, originator, 0, _originatorCount);
        return column < 0 ? 0 : _state[(row * _stride) + column];
    }

    private void Advance(int row, uint originator, ulong sequence)
    {
        var column = Array.IndexOf(_originators, originator, 0, _originatorCount);
        if (column < 0)
        {
            column = AddColumn(originator);
        }

        ref var applied = ref _state[(row * _stride) + column];
        applied = Math.Max(applied, sequence);
    }

    // A column for an originator not seen before; when every column is taken, the rows are laid out twice as wide.
    private int AddColumn(uint originator)
    {
        if (_originatorCount == _stride)
        {
            var wider = 2 * _stride;
            var state = new ulong[_state.Length / _stride * wider];
            for (var row = 0; row < _rows.Count; row++)
            {
                Array.Copy(_state, row * _stride, state, row * wider, _stride);
            }

            (_state, _stride) = (state, wider);
            Array.Resize(ref _originators, wider);
        }

        _originators[_originatorCount] = originator;
        return _originatorCount++;
    }
}

/// <summary>What causal_order counted: violations, those with a dropped dependency, and the first violation.</summary>
internal struct CausalTally
{
    public long Violations;
    public long Dropped;
    public CausalViolation? First;
}

/// <summary>
/// The first violation: the apply, and the dependency it lacked with the sequence the client had applied of that
/// dependency's originator (no dependency when the client gave up on one).
/// </summary>
internal readonly record struct CausalViolation(ApplyRecord Apply, EnvelopeId? Dependency, ulong Had);
