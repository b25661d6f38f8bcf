using Akka.Actor;
using XmtpSim.Engine.Hosting;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Engine.Tests;

public sealed class MailboxTests
{
    [Fact]
    public void Simulated_actors_get_the_engine_mailbox_and_keep_it_across_a_restart()
    {
        using var journal = new JournalWriter();
        using var engine = new SimulationEngine(new EngineOptions { Seed = 1 }, journal);
        var queueTypes = new List<Type>();
        var probe = engine.Register("probe", _ => MailboxProbeActor.Props(queueTypes));
        engine.Schedule(new EngineCommand.Crash(probe), SimTime.NanosPerSecond);
        engine.Schedule(new EngineCommand.Restart(probe), 2 * SimTime.NanosPerSecond);
        engine.Run(3 * SimTime.NanosPerSecond);

        Assert.Equal([typeof(EngineMailbox.EngineMessageQueue), typeof(EngineMailbox.EngineMessageQueue)], queueTypes);
    }

    [Fact]
    public void A_sim_actor_is_handed_its_events_and_handles_their_messages_while_other_actors_are_handed_the_messages()
    {
        using var journal = new JournalWriter();
        using var engine = new SimulationEngine(new EngineOptions { Seed = 1 }, journal);
        List<string> handed = [], handled = [];
        var probe = engine.Register("probe", sim => EventProbeActor.Props(sim, handed, handled));
        var pinger = engine.Register("pinger", sim => PingPongActor.Props(sim)); // a ReceiveActor: Receive<Kick> needs the message itself
        engine.Inject(pinger, new Kick(probe, 0), 0);
        engine.Run(3 * SimTime.NanosPerSecond);

        Assert.Equal([nameof(SimEvent), nameof(SimEvent)], handed); // the ping, then the timer
        Assert.Equal(["ping 0", "tick"], handled);
    }

    [Fact]
    public void The_queue_is_first_in_first_out_and_cleans_up_into_dead_letters_in_order()
    {
        var queue = new EngineMailbox.EngineMessageQueue();
        Assert.False(queue.HasMessages);
        for (var i = 0; i < 5; i++)
        {
            queue.Enqueue(ActorRefs.Nobody, new Envelope(i, ActorRefs.NoSender));
        }

        Assert.True(queue.TryDequeue(out var first));
        Assert.Equal(0, first.Message);
        Assert.Equal(4, queue.Count);

        var deadLetters = new EngineMailbox.EngineMessageQueue();
        queue.CleanUp(ActorRefs.Nobody, deadLetters);
        Assert.False(queue.HasMessages);
        var drained = new List<object>();
        while (deadLetters.TryDequeue(out var envelope))
        {
            drained.Add(envelope.Message);
        }

        Assert.Equal([1, 2, 3, 4], drained);
    }

    [Fact]
    public void Interleaved_enqueues_and_dequeues_keep_first_in_first_out_order()
    {
        // The engine's usual pattern is one in, one out; a handler that tells itself enqueues while the queue is
        // empty or not. Compared with a plain queue over a seeded mix of both.
        var queue = new EngineMailbox.EngineMessageQueue();
        var model = new Queue<int>();
        var random = new Random(7);
        var next = 0;
        for (var step = 0; step < 2_000; step++)
        {
            if (random.Next(3) > 0)
            {
                queue.Enqueue(ActorRefs.Nobody, new Envelope(next, ActorRefs.NoSender));
                model.Enqueue(next++);
            }
            else
            {
                var had = model.TryDequeue(out var expected);
                Assert.Equal(had, queue.TryDequeue(out var envelope));
                if (had)
                {
                    Assert.Equal(expected, envelope.Message);
                }
            }

            Assert.Equal(model.Count, queue.Count);
            Assert.Equal(model.Count > 0, queue.HasMessages);
        }
    }
}
