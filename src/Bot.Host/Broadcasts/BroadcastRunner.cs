using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Broadcasts;

/// <summary>
/// Runs due broadcast jobs: wakes when one is confirmed and at least every <see cref="BroadcastOptions.PollInterval"/>.
/// Any number of hosts may run it: recipients are claimed one by one in Redis.
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

            // A cancel may win between the read and here; then the job does not start. (Running: a resumed job.)
            if (job.Status == BroadcastStatus.Scheduled && !await store.StartAsync(id))
            {
                continue;
            }

            if (await sender.RunAsync(job, cancellationToken) && await store.FinishAsync(id, time.GetUtcNow()))
            {
                BroadcastLog.Finished(logger, id);
                await ReportAsync(id, cancellationToken);
            }
        }
    }

    /// <summary>The delivery report goes to the advisor who sent the broadcast from chat; the dashboard shows every report.</summary>
    private async Task ReportAsync(string id, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(id);
        if (job is null || job.CreatedBy == "dashboard")
        {
            return;
        }

        await notifier.NotifyAsync(StudentKey.Parse(job.CreatedBy), new Reply("Delivery report\n" + job.ReportText()), cancellationToken);
    }
}
