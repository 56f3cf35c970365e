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
        if (!options.Enabled)
        {
            return builder;
        }

        builder.Services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;

            // One long-lived client; recycling pooled connections keeps DNS changes visible.
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(90) };
            return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!, o.ApiBaseUrl.TrimEnd('/')), http);
        });
        builder.Services.AddSingleton<TelegramReplySender>();
        builder.Services.AddSingleton<TelegramUpdateHandler>();
        builder.Services.AddSingleton<IChannelPusher, TelegramPusher>();
        builder.Services.AddSingleton<IUploadFetcher, TelegramFileFetcher>();
        if (options.Mode == TelegramMode.Polling)
        {
            builder.Services.AddHostedService<TelegramPollingService>();
        }
        else
        {
            // Webhook: updates arrive at /webhooks/telegram and are handled from the durable inbox.
            builder.Services.AddSingleton<TelegramBotUser>();
            builder.Services.AddSingleton<Inbox.IInboxHandler, TelegramInboxHandler>();
            builder.Services.AddSingleton<TelegramWebhookRegistration>();
            builder.Services.AddSingleton<Health.IWebhookRegistration>(sp => sp.GetRequiredService<TelegramWebhookRegistration>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<TelegramWebhookRegistration>());
        }

        return builder;
    }
}
