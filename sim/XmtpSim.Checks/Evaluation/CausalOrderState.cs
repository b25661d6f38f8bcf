using System.Runtime.InteropServices;
using XmtpSim.Checks.Recording;
using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// What causal_order knows while walking joins and applies in its order (<see cref="CausalOrderTracker"/> while
/// recording, <see cref="CausalOrder.Replay"/> after): per (client, topic) the highest sequence applied per
/// originator, in one row of a flat array with one column per originator seen (a handful), so an apply costs one
/// hash lookup; and the tally.
/// </summary>
internal sealed class CausalOrderState(ChunkedList<EnvelopeId> dependencyPool)
{
    private readonly Dictionary<long, int> _rows = [];
    private uint[] _originators = new uint[4];
    private int _originatorCount;
    private int _stride = 4;
    private ulong[] _state = new ulong[4 << 10];
    private CausalTally _tally;

    /// <summary>The tally of the applies so far.</summary>
    public CausalTally Tally => _tally;

    /// <summary>A join at commit c: counts as having applied commit (0, c).</summary>
    public void Join(in JoinRecord join) => Advance(Row(join.Client, join.Topic), 0, join.CommitSequence);

    /// <summary>Checks <paramref name="apply"/> against what its client had applied on its topic, then counts it as applied.</summary>
    public void Apply(in ApplyRecord apply)
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
