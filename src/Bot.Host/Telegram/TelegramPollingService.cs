using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;
using Microsoft.Extensions.Options;

namespace Bot.Host.Telegram;

/// <summary>
/// Long polling, with each update confirmed on its own: the offset only moves past an update once it has been handled
/// (a failed turn is tried again, then dead-lettered) and every update before it has too (<see cref="PollingLedger"/>).
/// New updates keep being fetched and dispatched while earlier ones run, so one slow upload does not hold the other
/// students. A host stopped before an update was done gets it again (and the outbox answers it if its turn was saved).
/// Of several hosts only the holder of the <see cref="PollingLease"/> polls; the others stand by to take over.
/// </summary>
internal sealed class TelegramPollingService(
    ITelegramBotClient bot,
    TelegramUpdateHandler handler,
    PollingLease lease,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger)
    : BackgroundService
{
    /// <summary>
    /// A long poll lasts no longer than a lease renewal interval (the lease is renewed between polls), and never over 25 s,
    /// so the loop wakes often enough to notice a clock jump or a stop.
    /// </summary>
    private readonly int pollSeconds = (int)Math.Min(25, options.Value.PollingLeaseRenewal.TotalSeconds);

    private const int Limit = 100;

    /// <summary>How long to wait for the rest of an album (a platform delivery gap, not domain time: real clock).</summary>
    private static readonly TimeSpan AlbumGrace = TimeSpan.FromMilliseconds(400);

    /// <summary>While updates run, look for new ones at least this often (a platform delivery gap: real clock).</summary>
    private static readonly TimeSpan BusyLook = TimeSpan.FromMilliseconds(250);

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PollWhileHoldingTheLeaseAsync(stoppingToken);
        }
        finally
        {
            // Stopping: the next host polls at once rather than when the lease expires.
            await lease.ReleaseAsync();
        }
    }

    private async Task PollWhileHoldingTheLeaseAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        global::Telegram.Bot.Types.User? me = null;
        var ledger = new PollingLedger(lease.MarkDone);
        long confirmedOffset = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var term = await lease.KeepAsync(confirmedOffset);
                if (!term.Held)
                {
                    await Task.Delay(term.Remaining, time, stoppingToken);
                    continue;
                }

                if (term.Taken)
                {
                    ledger.AlreadyDone(term.DoneUpdates);
                }

                // Every call of this iteration ends by the time the lease could have expired.
                using var expiry = new CancellationTokenSource(term.Remaining, time);
                using var polling = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, expiry.Token);
                if (me is null)
                {
                    // A webhook left over from webhook mode makes getUpdates fail with 409.
                    await bot.DeleteWebhook(cancellationToken: polling.Token);
                    me = await bot.GetMe(polling.Token);
                    await TelegramCommandMenu.PublishAsync(bot, logger, polling.Token);
                    await TelegramDescriptions.PublishAsync(bot, logger, polling.Token);
                    TelegramLog.PollingStarted(logger, me.Username);
                }

                // With updates running, a short look once some have finished (to confirm them) or after a moment (to take
                // other students' new updates); with none, a long poll.
                var busy = ledger.InFlight > 0;
                if (busy)
                {
                    await ledger.WaitForProgressAsync(BusyLook, polling.Token);
                }

                var offset = ledger.Offset;
                var updates = await bot.GetUpdates(offset, Limit, busy ? 0 : pollSeconds, Wanted, polling.Token);
                confirmedOffset = Math.Max(confirmedOffset, offset ?? 0);
                var fresh = ledger.ToDispatch(updates);
                if (fresh.Count > 0 && fresh[^1].Message?.MediaGroupId is not null)
                {
                    // The rest of an album is usually a moment behind. Ask again with the SAME offset (a higher one would
                    // confirm updates not yet handled), after a short pause, so the album is one step.
                    await Task.Delay(AlbumGrace, polling.Token);
                    fresh = ledger.ToDispatch(await bot.GetUpdates(ledger.Offset, Limit, 0, Wanted, polling.Token));
                }

                if (fresh.Count > 0)
                {
                    ledger.Dispatched(fresh, handler.Dispatch(fresh, me, stoppingToken));
                    TelegramLog.Dispatched(logger, fresh.Count);
                }

                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                // The lease could have expired mid-call (Telegram or the network hung): the next look renews it or stands by.
            }
            catch (Exception e)
            {
                TelegramLog.PollingFailed(logger, backoff, e);
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
