namespace Bot.Host.Inbox;

public static class InboxExtensions
{
    /// <summary>
    /// The durable inbox: webhooks (LINE, Telegram in webhook mode) persist into it before answering 200, and dead letters
    /// replayed from the dashboard come back through it (polled Telegram updates too). Read whenever a channel is on.
    /// </summary>
    public static WebApplicationBuilder AddInbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InboxBodies>();
        builder.Services.AddSingleton<DurableInbox>();
        builder.Services.AddSingleton<DeadLetters>();
        builder.Services.AddSingleton<Conversation.IStudentDataEraser>(sp => sp.GetRequiredService<DeadLetters>());
        builder.Services.AddSingleton<Storage.Encryption.IStorageRewrapper, InboxRewrap>();
        var configuration = builder.Configuration;
        var line = !string.IsNullOrEmpty(configuration["Line:ChannelSecret"]);
        var telegram = !string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]);
        if (!line && !telegram)
        {
            return builder;
        }

        builder.Services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section);
        if (configuration.GetSection(InboxOptions.Section).Get<InboxOptions>()?.Consume ?? true)
        {
            builder.Services.AddHostedService<InboxProcessor>();
        }

        return builder;
    }
}
