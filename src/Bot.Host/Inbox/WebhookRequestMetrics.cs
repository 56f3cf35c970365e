namespace Bot.Host.Inbox;

public static class WebhookRequestMetrics
{
    /// <summary>Counts every answer of <c>/webhooks/line</c> and <c>/webhooks/telegram</c> by status class (<see cref="InboxMetrics.Request"/>).</summary>
    public static WebApplication UseWebhookMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<InboxMetrics>();
        app.Use(async (http, next) =>
        {
            var channel = http.Request.Path.Equals("/webhooks/line", StringComparison.Ordinal) ? "line"
                : http.Request.Path.Equals("/webhooks/telegram", StringComparison.Ordinal) ? "tg"
                : null;
            if (channel is null)
            {
                await next(http);
                return;
            }

            try
            {
                await next(http);
            }
            catch
            {
                metrics.Request(channel, StatusCodes.Status500InternalServerError);
                throw;
            }

            metrics.Request(channel, http.Response.StatusCode);
        });
        return app;
    }
}
