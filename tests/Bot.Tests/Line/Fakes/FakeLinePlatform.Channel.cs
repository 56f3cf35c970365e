using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Line.Fakes;

/// <summary>
/// The channel's webhook settings (<c>/v2/bot/channel/webhook/endpoint</c>), which a host sets at start. Failures are
/// injected here separately (<see cref="FailWebhookEndpointNext"/>): <see cref="FailNext"/> is for the message calls a
/// test makes, and must not be taken by a registration that runs at start.
/// </summary>
public sealed partial class FakeLinePlatform
{
    private const string WebhookEndpointPath = "/v2/bot/channel/webhook/endpoint";

    private (int Count, int StatusCode) webhookEndpointFailures;
    private string? webhookEndpoint;

    /// <summary>The URL the bot registered, null before any.</summary>
    public string? WebhookEndpoint
    {
        get
        {
            lock (gate)
            {
                return webhookEndpoint;
            }
        }
    }

    /// <summary>The console's "Use webhook" switch; LINE reports it with the URL.</summary>
    public bool WebhookActive { get; set; } = true;

    /// <summary>The next <paramref name="count"/> calls to set the webhook URL are answered <paramref name="statusCode"/>.</summary>
    public void FailWebhookEndpointNext(int count, int statusCode)
    {
        lock (gate)
        {
            webhookEndpointFailures = (count, statusCode);
        }
    }

    private static bool IsChannelSetting(PathString path) => path.StartsWithSegments("/v2/bot/channel", StringComparison.Ordinal);

    private void MapChannelEndpoints(WebApplication web)
    {
        web.MapPut(WebhookEndpointPath, SetWebhookEndpointAsync);
        web.MapGet(WebhookEndpointPath, context => WriteAsync(context, 200, new JsonObject { ["endpoint"] = WebhookEndpoint ?? "", ["active"] = WebhookActive }));
    }

    private async Task SetWebhookEndpointAsync(HttpContext context)
    {
        int statusCode;
        lock (gate)
        {
            statusCode = webhookEndpointFailures.StatusCode;
            if (webhookEndpointFailures.Count > 0)
            {
                webhookEndpointFailures.Count--;
            }
            else
            {
                statusCode = 0;
            }
        }

        if (statusCode != 0)
        {
            await WriteAsync(context, statusCode, Error("Injected failure"));
            return;
        }

        if (await RejectIfInvalidAsync(context, "SetWebhookEndpointRequest"))
        {
            return;
        }

        // LINE's reference (set webhook endpoint URL): "HTTPS over TLS 1.2 or later"; the yml only says format uri.
        var endpoint = (string)Body(context)!["endpoint"]!;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            await RejectAsync(context, [new SpecViolation("endpoint", "Must be an HTTPS URL")]);
            return;
        }

        lock (gate)
        {
            webhookEndpoint = endpoint;
        }

        await WriteAsync(context, 200, []);
    }
}
