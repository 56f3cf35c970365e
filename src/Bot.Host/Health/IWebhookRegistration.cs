namespace Bot.Host.Health;

/// <summary>
/// A channel that must tell its platform where to deliver webhooks before this host can serve it (Telegram in webhook
/// mode, LINE). Readiness waits for every registered one (<see cref="WebhookRegistrationsHealthCheck"/>).
/// </summary>
public interface IWebhookRegistration
{
    /// <summary>"telegram", "line": shown in /healthz/ready.</summary>
    string Channel { get; }

    bool IsRegistered { get; }
}
