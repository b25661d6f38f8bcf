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
}
