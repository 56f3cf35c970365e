using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Health;

/// <summary>
/// <c>/healthz/live</c>: the process answers (no dependency, so a Redis outage restarts nothing);
/// <c>/healthz/ready</c>: Redis, the channels' webhooks and the data files (a load balancer sends traffic only then);
/// <c>/healthz</c>: the original contract, host and Redis up.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";
    private const string RedisCheck = "redis";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>(RedisCheck, tags: [Ready], timeout: RedisHealthCheck.Timeout + TimeSpan.FromSeconds(1))
            .AddCheck<WebhookRegistrationsHealthCheck>("webhooks", tags: [Ready])
            .AddCheck<DataFilesHealthCheck>("data", tags: [Ready]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, _) => WriteTextAsync(context, "ok"),
        });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteReportAsync,
        });

        // 200 "ok" when the host and Redis answer, 503 otherwise (what compose and older load balancers poll).
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = check => check.Name == RedisCheck,
            ResponseWriter = (context, report) => WriteTextAsync(context, report.Status == HealthStatus.Unhealthy ? "redis unavailable" : "ok"),
        });
        return app;
    }

    private static Task WriteTextAsync(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text);
    }

    /// <summary><c>{"status":"Unhealthy","checks":{"redis":{"status":"Unhealthy","description":"…"},…}}</c>: statuses and reasons, no exception text.</summary>
    private static async Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
