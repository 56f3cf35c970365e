using Bot.Host.Advisors;
using Bot.Host.Broadcasts;
using Bot.Host.Conversation;
using Bot.Host.Dashboard;
using Bot.Host.LocalChat;
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

        // Channels: Telegram (polling or webhook), and the terminal when no channel is configured.
        builder.AddTelegram();
        builder.AddLocalChat();

        // Advisors: who they are, their chat commands, and students' questions to them.
        builder.AddAdvisors();

        // Broadcasts: durable jobs in Redis, paced for Telegram, multicast on LINE.
        builder.AddBroadcasts();

        // The advisors' web page: students, broadcasts, questions, and a "try the bot" chat.
        builder.AddAdvisorDashboard();

        var app = builder.Build();

        // Liveness for load balancers and compose.
        app.MapHealth();

        // Advisors' page and its JSON API, behind a session cookie.
        app.MapDashboard();
        return app;
    }
}
