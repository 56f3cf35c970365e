using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Reminders;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Reminders;

/// <summary>Plans a student's reminders again when a turn changed their case timeline (or erased them).</summary>
public sealed class ReminderPlanListener(ReminderStore reminders, DialogSettings settings, TimeProvider time, ILogger<ReminderPlanListener> logger) : ITimelineListener
{
    public async Task TimelineChangedAsync(StudentKey student, StudentState? state, CancellationToken cancellationToken)
    {
        try
        {
            // What is due right now was just answered in the conversation (e.g. "approved" → the payment steps):
            // pushing it seconds later would repeat it, so it counts as sent. The turn is already saved: a planning
            // failure must not turn into a lost reply.
            var now = time.GetUtcNow();
            await reminders.ReplanAsync(student, PlanFor(state, now, settings.Holidays), saidUntil: now);
        }
        catch (RedisException e)
        {
            ReminderLog.PlanFailed(logger, student.Channel, e);
        }
    }

    public static IReadOnlyList<PlannedReminder> PlanFor(StudentState? state, DateTimeOffset now, HolidayCalendar holidays) =>
        state is null ? [] : ReminderPlanner.Plan(StudentCase.Of(state), now, holidays);
}
