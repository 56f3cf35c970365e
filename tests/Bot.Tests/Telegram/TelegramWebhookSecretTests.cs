using System.Net;
using Bot.Dialogs.Conversation;
using Bot.Tests.Dialogs;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Telegram;

/// <summary>The webhook secret is the only thing between the internet and the inbox: weak ones stop the host, near misses get nothing.</summary>
[Collection(RedisCollection.Name)]
public sealed class TelegramWebhookSecretTests(RedisFixture redis)
{
    private const string Secret = "Zq7-w2Rk_9fT4mXb8LcV1nHs6JdYp3Ga";

    [Theory]
    [InlineData("telegram-webhook-secret")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("abababababababababababababababababababab")]
    [InlineData("a secret with spaces, and punctuation!!!")]
    public async Task AWeakSecretStopsTheHostAtStartNamingTheKey(string secret)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(Settings(telegram, secret)));
        Assert.Contains("Telegram:WebhookSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NearMissesOfTheSecretAreRefusedAndNothingIsHandled()
    {
        await redis.FlushAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var host = await BotHost.StartAsync(Settings(telegram, Secret));
        const long student = 7_200_001;
        telegram.EnqueueCommand(student, "/help");
        var update = telegram.TakePending()[0];

        // Shorter, longer, one character off, other case: an attacker learns nothing from which of them "nearly" worked.
        foreach (var guess in new[] { Secret[..^1], Secret + "x", Secret[..^1] + "b", Secret.ToLowerInvariant(), "" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await telegram.PostUpdateToWebhookAsync(host.Url("/webhooks/telegram"), update, guess));
        }

        // The right secret afterwards is handled once: the refused posts left nothing in the inbox.
        Assert.Equal(HttpStatusCode.OK, await telegram.PostUpdateToWebhookAsync(host.Url("/webhooks/telegram"), update, Secret));
        var expected = new DialogDriver(now: DateTimeOffset.UtcNow).Send(Inbound.FromText("/help", "en")).Last.Replies.Count;
        var calls = await telegram.WaitForCallsAsync(student, expected, TimeSpan.FromSeconds(30));
        Assert.Equal(expected, calls.Count);
    }

    private Dictionary<string, string?> Settings(FakeTelegramServer telegram, string secret) => new()
    {
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        ["Telegram:BotToken"] = telegram.Token,
        ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookSecret"] = secret,
        ["Telegram:MessagesPerSecond"] = "0",
        ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
    };
}
