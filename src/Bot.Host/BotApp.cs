using Bot.Host.Conversation;
using Bot.Host.LocalChat;
using Bot.Host.Reminders;
using Bot.Host.Storage;
using Bot.Host.Telegram;

namespace Bot.Host;

/// <summary>Builds the host. Tests call <see cref="Create"/> with their own configuration and clock.</summary>
public static class BotApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        // State: every student's record, lease and outbox in Redis.
        builder.AddRedisState();

        // The dialog, shared by every channel.
        builder.AddConversation();

        // Reminders: deadlines after submission pushed on the student's channel, planned in Redis, sent once across hosts.
        builder.AddReminders();

        // Channels: Telegram (polling or webhook), and the terminal when no channel is configured.
        builder.AddTelegram();
        builder.AddLocalChat();

        var app = builder.Build();

        // Liveness for load balancers and compose.
        app.MapHealth();
        return app;
    }
}
