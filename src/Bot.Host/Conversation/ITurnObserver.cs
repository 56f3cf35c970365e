using Bot.Dialogs.Conversation;
using Bot.Host.Storage;

namespace Bot.Host.Conversation;

/// <summary>Told about every saved turn (not replays), on every channel: e.g. advisors receive the messages the dialog forwards.</summary>
public interface ITurnObserver
{
    Task OnTurnAsync(StudentKey student, Inbound inbound, TurnEffects effects, StudentState state, CancellationToken cancellationToken);
}
