using System.Text.Json;
using Bot.Host.Inbox;
using Microsoft.Extensions.Options;

namespace Bot.Host.Line;

public static class LineWebhookEndpoint
{
    public const string Path = "/webhooks/line";

    /// <summary>
    /// <c>POST /webhooks/line</c>: check the signature over the raw body, persist the events to the inbox, answer 200.
    /// Nothing is handled here, so LINE gets its answer in milliseconds and a host stopped right after loses nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapLineWebhook(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<IOptions<LineOptions>>()?.Value is not { Enabled: true })
        {
            return app;
        }

        app.MapPost(Path, async (HttpRequest request, IOptions<LineOptions> options, DurableInbox inbox, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            var body = await WebhookBody.ReadAsync(request, cancellationToken);
            if (body is null)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            if (!LineSignature.IsValid(body, request.Headers[LineSignature.HeaderName], options.Value.ChannelSecret))
            {
                return Results.Unauthorized();
            }

            IReadOnlyList<InboxEntry> entries;
            int stale;
            try
            {
                entries = LineEventMapper.ToEntries(body, time.GetUtcNow() - options.Value.MaxEventAge, out stale);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            // Too old to be anything but a replay (or a redelivery nobody could still answer): 200, so LINE stops sending it.
            if (stale > 0)
            {
                LineLog.StaleEventsSkipped(loggers.CreateLogger(typeof(LineWebhookEndpoint).FullName!), stale, options.Value.MaxEventAge);
            }

            // LINE's "Verify" button sends no events: nothing to store, still 200.
            if (entries.Count > 0)
            {
                await inbox.AppendAsync(entries);
            }

            return Results.Ok();
        });
        return app;
    }
}
