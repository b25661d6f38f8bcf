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
}
