namespace Bot.Host.Inbox;

public static class InboxExtensions
{
    /// <summary>The durable inbox behind the webhooks (LINE, Telegram in webhook mode); off when neither is on.</summary>
    public static WebApplicationBuilder AddInbox(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var line = !string.IsNullOrEmpty(configuration["Line:ChannelSecret"]);
        var telegramWebhook = !string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"])
            && string.Equals(configuration["Telegram:Mode"], "Webhook", StringComparison.OrdinalIgnoreCase);
        if (!line && !telegramWebhook)
        {
            return builder;
        }

        builder.Services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section);
        builder.Services.AddSingleton<DurableInbox>();
        if (configuration.GetSection(InboxOptions.Section).Get<InboxOptions>()?.Consume ?? true)
        {
            builder.Services.AddHostedService<InboxProcessor>();
        }

        return builder;
    }
}
