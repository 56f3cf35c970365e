using Bot.Host.Health;
using Microsoft.Extensions.Options;

namespace Bot.Host.Line;

/// <summary>
/// At start, tells LINE where to deliver (Bot:PublicBaseUrl + /webhooks/line), as Telegram's webhook is registered,
/// retrying with back-off until LINE accepts; then warns if the console's "Use webhook" switch is off. Readiness waits
/// for it. LINE takes only https: with a plain-http base URL (a local run) nothing is registered and nothing waited for.
/// </summary>
public sealed class LineWebhookRegistration(
    LineMessagingClient line,
    IOptions<BotOptions> host,
    TimeProvider time,
    ILogger<LineWebhookRegistration> logger) : BackgroundService, IWebhookRegistration
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private volatile bool registered;

    public string Channel => "line";

    public bool IsRegistered => registered;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = host.Value.Link(LineWebhookEndpoint.Path);
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            LineLog.WebhookNotHttps(logger);
            registered = true;
            return;
        }

        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await line.SetWebhookEndpointAsync(url, stoppingToken);
                LineLog.WebhookSet(logger);
                registered = true;
                await WarnIfInactiveAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is LineApiException or HttpRequestException or TimeoutException or OperationCanceledException)
            {
                LineLog.WebhookFailed(logger, backoff, e);
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task WarnIfInactiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!(await line.GetWebhookEndpointAsync(stoppingToken)).Active)
            {
                LineLog.WebhookInactive(logger);
            }
        }
        catch (Exception e) when (e is LineApiException or HttpRequestException or TimeoutException or System.Text.Json.JsonException)
        {
            LineLog.CallFailed(logger, "get webhook endpoint", e);
        }
    }
}
