namespace XmtpSim.Engine.Tests;

/// <summary>The engine's event queue hands out events in key order, as the general priority queue does.</summary>
public sealed class EventQueueTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 5_000)]
    public void Interleaved_enqueues_and_dequeues_come_out_as_from_a_priority_queue(int seed, int initial)
    {
        var random = new Random(seed);
        var queue = new EventQueue();
        var model = new PriorityQueue<SimEvent, EventKey>();
        var counter = 0L;
        var now = 0L;

        void Add()
        {
            // Times near the present (many equal), routes from a few actors and the engine (-1), counters unique.
            var key = new EventKey(now + random.Next(0, 4), random.Next(-1, 6), random.Next(-1, 6), ++counter);
            var ev = SimEvent.Other(key, EventKind.Local, counter);
            queue.Enqueue(ev);
            model.Enqueue(ev, key);
        }

        for (var i = 0; i < initial; i++)
        {
            Add();
        }

        for (var step = 0; step < 50_000; step++)
        {
            if (model.Count > 0 && random.Next(3) == 0)
            {
                Assert.True(queue.TryPeekKey(out var head));
                Assert.Equal(model.Peek().Key, head);
                var expected = model.Dequeue();
                Assert.Same(expected, queue.Dequeue());
                now = expected.Key.Time;
            }
            else
            {
                Add();
            }

            Assert.Equal(model.Count, queue.Count);
        }

        while (model.Count > 0)
        {
            Assert.Same(model.Dequeue(), queue.Dequeue());
        }

        Assert.False(queue.TryPeekKey(out _));
        Assert.Throws<InvalidOperationException>(() => queue.Dequeue());
    }

    [Fact]
    public void Peeking_at_positions_gives_the_next_event_first_and_the_one_after_it_among_the_next_four()
    {
        var random = new Random(4);
        var queue = new EventQueue();
        var model = new PriorityQueue<SimEvent, EventKey>();
        for (var i = 0; i < 2_000; i++)
        {
            var key = new EventKey(random.Next(0, 500), random.Next(0, 50), random.Next(0, 50), i);
            var ev = SimEvent.Other(key, EventKind.Local, i);
            queue.Enqueue(ev);
            model.Enqueue(ev, key);
        }

        while (model.Count > 1)
        {
            Assert.True(queue.TryPeekAt(0, out var headKey, out var head));
            Assert.Same(model.Peek(), head);
            Assert.Equal(head!.Key, headKey);
            var next = model.Dequeue();
            var after = model.Peek();
            var found = false;
            for (var i = 1; i <= 4; i++)
            {
                found |= queue.TryPeekAt(i, out var key, out var ev) && ReferenceEquals(ev, after) && key == after.Key;
            }

            Assert.True(found);
            Assert.Same(next, queue.Dequeue());
        }

        Assert.False(queue.TryPeekAt(1, out _, out _));
        Assert.False(queue.TryPeekAt(-1, out _, out _));
    }
}
