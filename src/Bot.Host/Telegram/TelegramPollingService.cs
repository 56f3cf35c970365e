using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;

namespace Bot.Host.Telegram;

/// <summary>
/// Long polling. The offset only moves past a batch once every update in it has been handled, so a host
/// stopped mid-batch gets the same updates again (and the outbox answers those already handled).
/// </summary>
public sealed class TelegramPollingService(ITelegramBotClient bot, TelegramUpdateHandler handler, TimeProvider time, ILogger<TelegramPollingService> logger)
    : BackgroundService
{
    /// <summary>Under 30 s, so the loop wakes often enough to notice a clock jump or a stop.</summary>
    private const int PollSeconds = 25;

    /// <summary>How long to wait for the rest of an album (a platform delivery gap, not domain time: real clock).</summary>
    private static readonly TimeSpan AlbumGrace = TimeSpan.FromMilliseconds(400);

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        global::Telegram.Bot.Types.User? me = null;
        int? offset = null;
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
                    TelegramLog.PollingStarted(logger, me.Username);
                }

                var updates = await bot.GetUpdates(offset, 100, PollSeconds, Wanted, stoppingToken);
                if (updates.Length > 0 && updates[^1].Message?.MediaGroupId is not null)
                {
                    // The rest of an album is usually a moment behind. Ask again with the SAME offset (a higher one
                    // would confirm updates not yet handled), after a short pause, so the album is one step.
                    await Task.Delay(AlbumGrace, stoppingToken);
                    updates = await bot.GetUpdates(offset ?? updates[0].Id, 100, 0, Wanted, stoppingToken);
                }

                if (updates.Length > 0)
                {
                    await handler.HandleAsync(updates, me, stoppingToken);
                    offset = updates[^1].Id + 1;
                    TelegramLog.Handled(logger, updates.Length);
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
