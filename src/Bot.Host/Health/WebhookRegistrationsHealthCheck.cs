using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Health;

/// <summary>Every channel that registers a webhook has done so; until then the platform may deliver elsewhere.</summary>
public sealed class WebhookRegistrationsHealthCheck(IEnumerable<IWebhookRegistration> registrations) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var all = registrations.ToList();
        var pending = all.Where(r => !r.IsRegistered).Select(r => r.Channel).ToList();
        return Task.FromResult(pending.Count > 0
            ? HealthCheckResult.Unhealthy($"webhook not registered yet: {string.Join(", ", pending)}")
            : HealthCheckResult.Healthy(all.Count == 0 ? "no webhook to register" : $"webhooks registered: {string.Join(", ", all.Select(r => r.Channel))}"));
    }
}
