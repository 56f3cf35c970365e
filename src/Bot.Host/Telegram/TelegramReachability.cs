using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Telegram;

/// <summary>
/// A Telegram student marked blocked (a broadcast or reminder got 403) who writes to the bot has unblocked it: they are
/// taken out of the blocked sets of broadcasts and reminders again. (LINE says so with a follow event, see
/// <see cref="Line.LineReachability"/>.) Sent without waiting, so it costs the turn no round trip.
/// </summary>
public sealed class TelegramReachability(IConnectionMultiplexer redis) : ITurnObserver
{
    public Task OnTurnAsync(StudentKey student, Inbound inbound, TurnEffects effects, StudentState state, CancellationToken cancellationToken)
    {
        if (student.Channel == TelegramInboxHandler.ChannelName)
        {
            var db = redis.GetDatabase();
            db.SetRemove(Advisors.StudentDirectory.BlockedSet, student.ToString(), CommandFlags.FireAndForget);
            db.SetRemove(Reminders.ReminderStore.Blocked, student.ToString(), CommandFlags.FireAndForget);
        }

        return Task.CompletedTask;
    }
}
