using Bot.Dialogs.Conversation;
using Bot.Host.Storage;

namespace Bot.Host.Conversation;

/// <summary>Told after a turn is saved whose case timeline (events, ARC expiry, mute) changed; <paramref name="state"/> is null when the student was erased.</summary>
public interface ITimelineListener
{
    Task TimelineChangedAsync(StudentKey student, StudentState? state, CancellationToken cancellationToken);
}
