using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Reminders;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Reminders;

/// <summary>
/// One loop per host: every few seconds, claim the due reminders (atomically, so several hosts never send the same one),
/// check each against the student's saved case, and send it in the student's language. Expired claims return to the
/// due set, so a host that dies mid-send delays a reminder by one lease instead of losing it.
/// </summary>
public sealed class ReminderScheduler(
    ReminderStore reminders,
    StudentStore students,
    StudentMessenger messenger,
    ConversationPool conversations,
    ReminderCounter counter,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderScheduler> logger,
    ReminderMetrics? metrics = null) : BackgroundService
{
    private readonly ReminderOptions options = options.Value;
    private readonly Lock gate = new();
    private DateTimeOffset lastPassStartedAt = DateTimeOffset.MinValue;
    private TaskCompletionSource passDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.PollSeconds), time);
        var backoff = TimeSpan.FromSeconds(1);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ReminderLog.LoopFailed(logger, backoff, e);
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
        while (await WaitForTickAsync(timer, stoppingToken));
    }

    /// <summary>Sends everything due now; returns how many reminders were pushed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var pushed = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var batch = await reminders.ClaimAsync(time.GetUtcNow(), options.BatchSize);
                foreach (var claim in batch)
                {
                    pushed += await ProcessAsync(claim, cancellationToken) ? 1 : 0;
                }

                if (batch.Count < options.BatchSize)
                {
                    break;
                }
            }
        }
        finally
        {
            CompletePass(startedAt);
        }

        return pushed;
    }

    /// <summary>Completes once a pass that started at or after <paramref name="instant"/> has finished (tests drive the clock with it).</summary>
    internal async Task WaitForPassAsync(DateTimeOffset instant, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task done;
            lock (gate)
            {
                if (lastPassStartedAt >= instant)
                {
                    return;
                }

                done = passDone.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No reminder pass started at or after {instant:O} within {timeout}.");
            }

            await done.WaitAsync(remaining);
        }
    }

    private async Task<bool> ProcessAsync(ClaimedReminder claim, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Three reads pipelined into one round trip.
        var recordRead = students.ReadAsync(claim.Student);
        var sentRead = reminders.WasSentAsync(claim.Student, claim.DedupKey);
        var blockedRead = reminders.IsBlockedAsync(claim.Student);
        await Task.WhenAll(recordRead, sentRead, blockedRead);
        var record = await recordRead;

        // No pusher for the channel (not configured on this deployment): the reminder cannot be delivered, so it is dropped.
        if (record is null || await sentRead || await blockedRead || !messenger.CanReach(claim.Student))
        {
            await reminders.AckAsync(claim, sent: false);
            metrics?.Handled(claim.Student.Channel, "dropped");
            return false;
        }

        var state = StudentStateJson.Deserialize(record);
        var studentCase = StudentCase.Of(state);

        // Planning again at send time also collapses a backlog: after downtime only the latest reminder of each kind is still planned.
        var reminder = ReminderPlanner.Plan(studentCase, now, conversations.Settings.Holidays).FirstOrDefault(r => r.DedupKey == claim.DedupKey);
        if (reminder is null)
        {
            ReminderLog.Dropped(logger, claim.DedupKey);
            await reminders.AckAsync(claim, sent: false);
            metrics?.Handled(claim.Student.Channel, "dropped");
            return false;
        }

        if (reminder.DueAt > now || QuietHours.IsQuiet(now))
        {
            await reminders.RescheduleAsync(claim, QuietHours.NextAllowed(reminder.DueAt > now ? reminder.DueAt : now));
            metrics?.Handled(claim.Student.Channel, "deferred");
            return false;
        }

        var conversation = conversations.Rent(state);
        var replies = conversation.RenderReminder(reminder);
        conversations.Return(conversation);
        // Keyed by the reminder: if this host dies after the push but before the ack, the next claim sends it again, and
        // LINE delivers it once (Telegram has no such key: there the student may get it twice).
        switch (await messenger.PushAsync(claim.Student, replies, "reminder|" + claim.Member, cancellationToken))
        {
            case PushResult.Sent:
                await reminders.AckAsync(claim, sent: true);
                ReminderLog.Sent(logger, reminder.Kind.ToString(), claim.Student.Channel);
                metrics?.Sent(claim.Student.Channel, now - reminder.DueAt);
                await counter.CountAsync(state.Answer("schoolId"), now);

                // Series such as the weekly pickup reminder only plan their next occurrence once the current one is out.
                await reminders.ReplanAsync(claim.Student, ReminderPlanner.Plan(studentCase, now, conversations.Settings.Holidays));
                return true;
            case PushResult.Blocked:
                await reminders.MarkBlockedAsync(claim.Student);
                await reminders.AckAsync(claim, sent: true);
                ReminderLog.Blocked(logger, claim.Student.Channel);
                metrics?.Handled(claim.Student.Channel, "blocked");
                return false;
            default:
                var retryAt = QuietHours.NextAllowed(now + TimeSpan.FromSeconds(options.RetrySeconds));
                await reminders.RescheduleAsync(claim, retryAt);
                ReminderLog.PushFailed(logger, claim.Student.Channel, retryAt);
                metrics?.Handled(claim.Student.Channel, "failed");
                return false;
        }
    }

    private void CompletePass(DateTimeOffset startedAt)
    {
        lock (gate)
        {
            if (startedAt > lastPassStartedAt)
            {
                lastPassStartedAt = startedAt;
            }

            var previous = passDone;
            passDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }
    }

    private static async Task<bool> WaitForTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
