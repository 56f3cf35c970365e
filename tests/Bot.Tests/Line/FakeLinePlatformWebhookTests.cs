using System.Net;
using Bot.Host.Line;
using Bot.Tests.Line.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Bot.Tests.Line;

/// <summary>The fake's signed webhook delivery is accepted by <see cref="LineSignature"/> and a wrong secret is not.</summary>
public sealed class FakeLinePlatformWebhookTests
{
    [Fact]
    public async Task SignsWebhookBodiesSoTheBotAcceptsThemOnlyWithTheRightSecret()
    {
        await using var platform = await FakeLinePlatform.StartAsync();
        var received = new List<string>();
        await using var receiver = await StartReceiverAsync(received);
        var url = ReceiverUrl(receiver) + "/webhooks/line";

        using var right = await platform.SendEventsAsync(url, LineTestHost.ChannelSecret, platform.TextMessage("U1", "hi"));
        using var wrong = await platform.SendEventsAsync(url, "another-secret", platform.Follow("U1"));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Single(received);
    }

    [Fact]
    public async Task WaitingForMessagesTimesOutWithWhatArrived()
    {
        await using var platform = await FakeLinePlatform.StartAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => platform.WaitForMessagesAsync("U1", 1, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("received 0 of 1", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stand-in for the bot's webhook endpoint: checks the signature over the raw body, as the real one must.</summary>
    private static async Task<WebApplication> StartReceiverAsync(List<string> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/webhooks/line", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            if (!LineSignature.IsValid(buffer.ToArray(), context.Request.Headers[LineSignature.HeaderName], LineTestHost.ChannelSecret))
            {
                return Results.Unauthorized();
            }

            lock (received)
            {
                received.Add(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }

            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }

    private static string ReceiverUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
