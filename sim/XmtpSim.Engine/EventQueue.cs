namespace XmtpSim.Engine;

/// <summary>
/// The engine's pending events, smallest <see cref="EventKey"/> first: a 4-ary min-heap, the layout of
/// <see cref="PriorityQueue{TElement, TPriority}"/>, with <see cref="EventKey.IsBefore"/> inlined into the sift
/// loops. The queue holds every message in flight and is the engine's hottest structure; the general queue calls
/// <see cref="EventKey.CompareTo"/> through the default comparer on every step, which the JIT does not inline.
/// Events with equal keys (an actor's wake-ups for one instant, which are never delivered) come out in an order
/// fixed by the sequence of operations, as in any heap.
/// </summary>
internal sealed class EventQueue
{
    private const int Arity = 4;
    private const int Log2Arity = 2;

    private Entry[] _heap = new Entry[256];
    private int _count;

    /// <summary>Events queued.</summary>
    public int Count => _count;

    /// <summary>Queues <paramref name="ev"/> under its current <see cref="SimEvent.Key"/>.</summary>
    public void Enqueue(SimEvent ev)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var entry = new Entry(ev.Key, ev);
        var heap = _heap;
        var index = _count++;
        while (index > 0)
        {
            var parent = (index - 1) >> Log2Arity;
            if (!entry.Key.IsBefore(heap[parent].Key))
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = entry;
    }

    /// <summary>The smallest key, if any event is queued.</summary>
    public bool TryPeekKey(out EventKey key)
    {
        if (_count == 0)
        {
            key = default;
            return false;
        }

        key = _heap[0].Key;
        return true;
    }

    /// <summary>
    /// The entry at position <paramref name="index"/> of the heap: 0 is the next event, and the one after it is
    /// (unless a handler queues an earlier one) among 1 to 4. For read-ahead hints only: which entry sits where
    /// depends on the order of operations, so nothing may decide anything by it.
    /// </summary>
    public bool TryPeekAt(int index, out EventKey key, out SimEvent? ev)
    {
        if ((uint)index >= (uint)_count)
        {
            key = default;
            ev = null;
            return false;
        }

        (key, ev) = _heap[index];
        return true;
    }

    /// <summary>Removes and returns the event with the smallest key.</summary>
    public SimEvent Dequeue()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("the event queue is empty");
        }

        var heap = _heap;
        var root = heap[0].Event;
        var last = --_count;
        if (last > 0)
        {
            var moved = heap[last];
            var index = 0;
            while (true)
            {
                var first = (index << Log2Arity) + 1;
                if (first >= last)
                {
                    break;
                }

                var smallest = first;
                var end = Math.Min(first + Arity, last);
                for (var child = first + 1; child < end; child++)
                {
                    if (heap[child].Key.IsBefore(heap[smallest].Key))
                    {
                        smallest = child;
                    }
                }

                if (!heap[smallest].Key.IsBefore(moved.Key))
                {
                    break;
                }

                heap[index] = heap[smallest];
                index = smallest;
            }

            heap[index] = moved;
        }

        heap[last] = default; // the event is the caller's now; the array does not keep it alive
        return root;
    }

    private readonly record struct Entry(EventKey Key, SimEvent Event);
}
