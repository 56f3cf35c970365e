using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;
using Microsoft.Extensions.Options;

namespace Bot.Host.Telegram;

/// <summary>In webhook mode, tells Telegram where to deliver (Bot:PublicBaseUrl + /webhooks/telegram, with the secret); retries until it succeeds.</summary>
public sealed class TelegramWebhookRegistration(
    ITelegramBotClient bot,
    IOptions<TelegramOptions> telegram,
    IOptions<BotOptions> host,
    TimeProvider time,
    ILogger<TelegramWebhookRegistration> logger) : BackgroundService, Health.IWebhookRegistration
{
    private volatile bool registered;

    public string Channel => "telegram";

    public bool IsRegistered => registered;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = host.Value.Link(TelegramWebhookEndpoint.Path);
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await bot.SetWebhook(
                    url,
                    allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery],
                    secretToken: telegram.Value.WebhookSecret,
                    cancellationToken: stoppingToken);
                TelegramLog.WebhookSet(logger);
                registered = true;
                await TelegramCommandMenu.PublishAsync(bot, logger, stoppingToken);
                await TelegramDescriptions.PublishAsync(bot, logger, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                TelegramLog.WebhookFailed(logger, backoff, e);
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
