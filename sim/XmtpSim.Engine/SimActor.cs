using Akka.Actor;

namespace XmtpSim.Engine;

/// <summary>
/// An Akka.NET actor for the engine: the engine delivers its messages and timers inside the <see cref="SimEvent"/>
/// that carried them (see there why), and <see cref="OnMessage"/> receives the message itself. Anything else sent
/// to it (a test's Tell) arrives as it was sent. Other actors work in the engine too; they are handed the
/// message directly.
/// </summary>
public abstract class SimActor : UntypedActor
{
    /// <summary>Handles one message or timer payload.</summary>
    protected abstract void OnMessage(object message);

    /// <inheritdoc />
    protected sealed override void OnReceive(object message) => OnMessage(message is SimEvent ev ? ev.Message : message);
}
