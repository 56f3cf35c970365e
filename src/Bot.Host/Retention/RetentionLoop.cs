using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Retention;

/// <summary>
/// Drops the personal fields of collected cases whose time is up (<see cref="RetentionIndex"/>), reading the clock at
/// least every <see cref="RetentionOptions.PollSeconds"/>. Each change is made under the student's turn lease, so it never
/// overwrites a turn; a student busy in a turn is done at the next look. Any number of hosts may run it.
/// </summary>
public sealed class RetentionLoop(
    RetentionIndex index,
    StudentStore store,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var expired = await ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    RetentionLog.Expired(logger, expired);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                RetentionLog.LoopFailed(logger, e);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One look: the cases due now, each stripped to what the reminders need. Returns how many were.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = 0;
        foreach (var student in await index.DueAsync(now, options.Value.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (lease, _) = await store.TryBeginAsync(student);
            if (lease is null)
            {
                continue;
            }

            if (lease.Record is null)
            {
                await store.ReleaseAsync(lease);
                await index.ForgetAsync(student);
                continue;
            }

            var state = StudentStateJson.Deserialize(lease.Record);
            if (CollectedCaseRetention.ExpiresAt(state, options.Value.CollectedCaseKeptFor) is not { } at || at > now || !CollectedCaseRetention.HoldsPersonalData(state))
            {
                // The case changed since it was listed (a new application, a correction): listed again as it is now.
                await store.ReleaseAsync(lease);
                await index.ScheduleAsync(student, state);
                continue;
            }

            CollectedCaseRetention.KeepForReminders(state);
            var outbox = lease.Outbox ?? OutboxCodec.Encode(new Outbox(string.Empty, [], TurnEffects.None), store.Cipher, student);
            if (await store.CommitAsync(lease, StudentStateJson.Serialize(state), outbox))
            {
                await index.ForgetAsync(student);
                expired++;
            }
        }

        return expired;
    }
}
