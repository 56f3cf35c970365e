namespace Bot.Host.Conversation;

/// <summary>
/// The turn saved nothing: the student stayed busy past the turn lease (another turn, maybe on another host, holds them),
/// or this turn outlived its lease. The inbound is tried again; nothing of it was lost.
/// </summary>
public sealed class TurnNotDoneException : Exception
{
    public TurnNotDoneException()
        : base("The turn saved nothing; it is tried again.")
    {
    }

    public TurnNotDoneException(string message)
        : base(message)
    {
    }

    public TurnNotDoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
