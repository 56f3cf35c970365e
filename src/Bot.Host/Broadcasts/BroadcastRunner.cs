using Bot.Dialogs.Conversation;
using Bot.Dialogs.Reminders;
using Bot.Host.Advisors;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Broadcasts;

/// <summary>
/// Runs due broadcast jobs: wakes when one is confirmed and at least every <see cref="BroadcastOptions.PollInterval"/>
/// (at most 30 s), reading the clock each time. Any number of hosts may run it: recipients are claimed one by one in Redis.
/// A job that is not urgent never sends during the quiet hours (22:00–08:00 Taiwan time).
/// </summary>
public sealed class BroadcastRunner(
    BroadcastStore store,
    BroadcastSender sender,
    BroadcastWakeup wakeup,
    AdvisorNotifier notifier,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    ILogger<BroadcastRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                failures = 0;
                await wakeup.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                BroadcastLog.RunnerFailed(logger, e);
                failures++;
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5))), time, stoppingToken);
            }
        }
    }

    private async Task RunDueAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await store.DueAsync(time.GetUtcNow()))
        {
            var job = await store.GetAsync(id);
            if (job is null || job.Status is BroadcastStatus.Cancelled or BroadcastStatus.Done or BroadcastStatus.Draft)
            {
                // Cancelled (or gone) while it waited: it will never run, so it leaves the schedule.
                await store.UnscheduleAsync(id);
                continue;
            }

            // Students are not woken by a broadcast: at night (22:00–08:00 Taiwan time) one that is not urgent waits for 08:00.
            if (!MayRunNow(job))
            {
                await store.PostponeAsync(id, QuietHours.NextAllowed(time.GetUtcNow()));
                continue;
            }

            // A cancel may win between the read and here; then the job does not start. (Running: a resumed job.)
            if (job.Status == BroadcastStatus.Scheduled && !await store.StartAsync(id))
            {
                continue;
            }

            // The clock is read again between batches: a job still sending at 22:00 stops there and goes on at 08:00.
            if (await sender.RunAsync(job, () => MayRunNow(job), cancellationToken))
            {
                if (await store.FinishAsync(id, time.GetUtcNow()))
                {
                    BroadcastLog.Finished(logger, id);
                    await ReportAsync(id, cancellationToken);
                }
            }
            else if (!MayRunNow(job))
            {
                await store.PostponeAsync(id, QuietHours.NextAllowed(time.GetUtcNow()));
            }
        }
    }

    private bool MayRunNow(BroadcastJob job) => job.Urgent || !QuietHours.IsQuiet(time.GetUtcNow());

    /// <summary>The delivery report goes to the advisor who sent the broadcast from chat; the dashboard shows every report.</summary>
    private async Task ReportAsync(string id, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(id);
        if (job is null || !StudentKey.TryParse(job.CreatedBy, out var advisor) || !AudienceFilter.BroadcastChannels.Contains(advisor.Channel))
        {
            // Created on the dashboard (the shared key or an account): the report is there.
            return;
        }

        await notifier.NotifyAsync(advisor, new Reply("Delivery report\n" + job.ReportText()), cancellationToken);
    }
}
