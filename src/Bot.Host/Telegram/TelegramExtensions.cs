using global::Telegram.Bot;
using Bot.Host.Conversation;
using Bot.Host.Uploads;
using Microsoft.Extensions.Options;

namespace Bot.Host.Telegram;

public static class TelegramExtensions
{
    /// <summary>Telegram through Telegram.Bot against Telegram:ApiBaseUrl; on only when a token is configured.</summary>
    public static WebApplicationBuilder AddTelegram(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();

        // The schools' links on the dashboard need the bot's username, with Telegram on or off (Telegram:BotUsername).
        builder.Services.AddSingleton<TelegramBotName>();
        if (!options.Enabled)
        {
            return builder;
        }

        // Through IHttpClientFactory, with retries of network failures and 5xx (TelegramHttp).
        builder.Services.AddTelegramHttpClient();
        builder.Services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramHttp.ClientName);

            // RetryCount 0: a 429 comes straight to TelegramFloodControl, which pauses every host and slows the pace.
            return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!, o.ApiBaseUrl.TrimEnd('/')) { RetryCount = 0 }, http);
        });
        builder.Services.AddSingleton<TelegramFloodControl>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelegramFloodControl>());
        builder.Services.AddSingleton<TelegramReplySender>();

        // "typing…", "sending photo…" while a turn works, and answered questions' buttons taken away: shown now or never.
        builder.Services.AddSingleton<TelegramBestEffort>();
        builder.Services.AddSingleton<TelegramAnsweredButtons>();
        builder.Services.AddSingleton<TelegramChatActions>();
        builder.Services.AddSingleton<IBusyIndicator>(sp => sp.GetRequiredService<TelegramChatActions>());
        builder.Services.AddSingleton<TelegramUpdateHandler>();
        builder.Services.AddSingleton<IChannelPusher, TelegramPusher>();
        builder.Services.AddSingleton<IUploadFetcher, TelegramFileFetcher>();

        // Updates from the durable inbox: every update in webhook mode, and dead letters replayed from the dashboard in both.
        builder.Services.AddSingleton<TelegramBotUser>();
        builder.Services.AddSingleton<Inbox.IInboxHandler, TelegramInboxHandler>();
        if (options.Mode == TelegramMode.Polling)
        {
            // Several hosts may run: the one holding the Redis lease polls, the others stand by (Telegram allows one poller).
            builder.Services.AddSingleton<PollingLease>();
            builder.Services.AddHostedService<TelegramPollingService>();
        }
        else
        {
            // Webhook: updates arrive at /webhooks/telegram and are handled from the durable inbox.
            builder.Services.AddSingleton<TelegramWebhookRegistration>();
            builder.Services.AddSingleton<Health.IWebhookRegistration>(sp => sp.GetRequiredService<TelegramWebhookRegistration>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<TelegramWebhookRegistration>());
        }

        return builder;
    }
}
