using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;

namespace Bot.Host.Telegram;

/// <summary>
/// Long polling, with each update confirmed on its own: the offset only moves past an update once it has been handled
/// (a failed turn is tried again, then dead-lettered) and every update before it has too (<see cref="PollingLedger"/>).
/// New updates keep being fetched and dispatched while earlier ones run, so one slow upload does not hold the other
/// students. A host stopped before an update was done gets it again (and the outbox answers it if its turn was saved).
/// </summary>
public sealed class TelegramPollingService(ITelegramBotClient bot, TelegramUpdateHandler handler, TimeProvider time, ILogger<TelegramPollingService> logger)
    : BackgroundService
{
    /// <summary>Under 30 s, so the loop wakes often enough to notice a clock jump or a stop.</summary>
    private const int PollSeconds = 25;

    private const int Limit = 100;

    /// <summary>How long to wait for the rest of an album (a platform delivery gap, not domain time: real clock).</summary>
    private static readonly TimeSpan AlbumGrace = TimeSpan.FromMilliseconds(400);

    /// <summary>While updates run, look for new ones at least this often (a platform delivery gap: real clock).</summary>
    private static readonly TimeSpan BusyLook = TimeSpan.FromMilliseconds(250);

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        global::Telegram.Bot.Types.User? me = null;
        var ledger = new PollingLedger();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (me is null)
                {
                    // A webhook left over from webhook mode makes getUpdates fail with 409.
                    await bot.DeleteWebhook(cancellationToken: stoppingToken);
                    me = await bot.GetMe(stoppingToken);
                    await TelegramCommandMenu.PublishAsync(bot, logger, stoppingToken);
                    await TelegramDescriptions.PublishAsync(bot, logger, stoppingToken);
                    TelegramLog.PollingStarted(logger, me.Username);
                }

                // With updates running, a short look once some have finished (to confirm them) or after a moment (to take
                // other students' new updates); with none, a long poll.
                var busy = ledger.InFlight > 0;
                if (busy)
                {
                    await ledger.WaitForProgressAsync(BusyLook, stoppingToken);
                }

                var updates = await bot.GetUpdates(ledger.Offset, Limit, busy ? 0 : PollSeconds, Wanted, stoppingToken);
                var fresh = ledger.ToDispatch(updates);
                if (fresh.Count > 0 && fresh[^1].Message?.MediaGroupId is not null)
                {
                    // The rest of an album is usually a moment behind. Ask again with the SAME offset (a higher one would
                    // confirm updates not yet handled), after a short pause, so the album is one step.
                    await Task.Delay(AlbumGrace, stoppingToken);
                    fresh = ledger.ToDispatch(await bot.GetUpdates(ledger.Offset, Limit, 0, Wanted, stoppingToken));
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
            catch (Exception e)
            {
                TelegramLog.PollingFailed(logger, backoff, e);
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
