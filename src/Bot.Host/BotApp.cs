using Bot.Host.Advisors;
using Bot.Host.Broadcasts;
using Bot.Host.Conversation;
using Bot.Host.Dashboard;
using Bot.Host.Files;
using Bot.Host.Health;
using Bot.Host.Inbox;
using Bot.Host.Limits;
using Bot.Host.Line;
using Bot.Host.LocalChat;
using Bot.Host.Printing;
using Bot.Host.Reminders;
using Bot.Host.Retention;
using Bot.Host.Roster;
using Bot.Host.Storage;
using Bot.Host.Telegram;
using Bot.Host.Telemetry;
using Bot.Host.Uploads;

namespace Bot.Host;

/// <summary>Builds the host. Tests call <see cref="Create"/> with their own configuration and clock.</summary>
public static class BotApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings from the app's own directory whatever the working directory; no request URL in any log.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostDefaults.ContentRoot(args) });
        builder.KeepUrlsOutOfLogs();
        configure?.Invoke(builder);

        // Metrics and traces (OpenTelemetry; OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, Prometheus at /metrics), JSON logs in a container.
        builder.AddTelemetry();

        // State: every student's record, lease and outbox in Redis.
        builder.AddRedisState();

        // The dialog, shared by every channel, and the photo and document pipelines it hands files to.
        builder.AddConversation();
        builder.AddUploads();

        // The printable summary drawn with the student's prepared ID photo (kept sealed until filed, at most 7 days).
        builder.AddPrinting();

        // Per-student turn rate and daily uploads, so one flooding student neither starves others nor burns the LINE quota.
        builder.AddStudentLimits();

        // Bot:PublicBaseUrl and the files served to students (LINE only receives links).
        builder.AddFiles();

        // Webhooks persist into a Redis inbox before answering 200; only when LINE or the Telegram webhook is on.
        builder.AddInbox();

        // Reminders: deadlines after submission pushed on the student's channel, planned in Redis, sent once across hosts.
        builder.AddReminders();

        // Retention: a completed case's files deleted, a collected case's personal fields dropped after Retention:CollectedCaseDays.
        builder.AddRetention();

        // Channels: Telegram (polling or webhook), LINE (when Line:ChannelSecret is set; its webhook URL registered at start),
        // the terminal when none is configured.
        builder.AddTelegram();
        builder.AddLine();
        builder.AddLinePushFlusher();
        builder.AddLineWebhookRegistration();
        builder.AddLineRichMenus();
        builder.AddLocalChat();

        // Advisors: who they are, their chat commands, and students' questions to them.
        builder.AddAdvisors();

        // The advisors' roster of students: Redis indexes kept by the turns, for paging, sorting, filtering and audiences.
        builder.AddRoster();

        // Broadcasts: durable jobs in Redis, paced for Telegram, multicast on LINE.
        builder.AddBroadcasts();

        // The advisors' web page: students, broadcasts, questions, and a "try the bot" chat.
        builder.AddAdvisorDashboard();

        // Health: liveness (the process), readiness (Redis, webhooks registered, data files loaded) and /healthz.
        builder.AddHealth();

        var app = builder.Build();

        // A mistyped key (Line:ChanelSecret) is ignored by the binder: say so at start, with the key it was probably meant to be.
        app.WarnAboutUnknownSettings();

        // Advisors' page: login rate limits, security headers, body limits and the session checked before any body is read.
        app.UseDashboardGuard();

        // /healthz/live for restarts, /healthz/ready for traffic, /healthz for compose and load balancers.
        app.MapHealth();

        // Webhook answers counted by channel and status class (a 5xx makes the platform send the update again).
        app.UseWebhookMetrics();

        // LINE's webhook: signature checked, events persisted, 200.
        app.MapLineWebhook();

        // Telegram's webhook (Webhook mode only): secret checked, update persisted, 200.
        app.MapTelegramWebhook();

        // Photos and documents prepared for students, by unguessable token.
        app.MapFiles();

        // Advisors' page and its JSON API, behind a session cookie.
        app.MapDashboard();

        // Prometheus scrapes: loopback callers, or the advisors' key as a bearer token.
        app.MapMetrics();
        return app;
    }
}
