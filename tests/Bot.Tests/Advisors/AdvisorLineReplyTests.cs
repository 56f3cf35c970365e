using System.Net;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;

namespace Bot.Tests.Advisors;

/// <summary>An advisor on LINE, students on Telegram: answering from LINE without the dashboard.</summary>
[Collection(RedisCollection.Name)]
public sealed class AdvisorLineReplyTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Advisor = "U0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private FakeTelegramServer telegram = null!;
    private FakeLinePlatform line = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        telegram = await FakeTelegramServer.StartAsync();
        line = await FakeLinePlatform.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await telegram.DisposeAsync();
        await line.DisposeAsync();
    }

    [Fact]
    public async Task ALineAdvisorAnswersAnEarlierQuestionByQuotingItsCard()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram, line, new Dictionary<string, string?> { ["Advisors:LineUserIds:0"] = Advisor });
        await AskAsync(6101, "Where do I pay the fee?");
        await AskAsync(6102, "How long does approval take?");
        var cards = await line.WaitForMessagesAsync(Advisor, 2, Timeout);
        var first = cards.Single(m => m.Text?.Contains("Where do I pay the fee?", StringComparison.Ordinal) == true);

        // A newer card came after it, so its quick-reply buttons are gone: the advisor quotes it instead.
        using var response = await line.SendEventsAsync(
            host.BaseUrl.TrimEnd('/') + "/webhooks/line", AdvisorTestHost.LineChannelSecret, line.QuotingTextMessage(Advisor, "At any convenience store, within 5 days of approval.", first.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var answered = await telegram.WaitForCallsAsync(6101, 4, Timeout);
        Assert.Equal("Advisor: At any convenience store, within 5 days of approval.", answered[^1].Text);
        await line.WaitForMessagesAsync(Advisor, 3, Timeout);
        Assert.Equal("Sent.", line.MessagesTo(Advisor)[^1].Text);
        Assert.Equal(3, telegram.Transcript(6102).Count);
        Assert.Empty(line.Violations);
    }

    /// <summary>A Telegram student starts, presses /ask and sends their question.</summary>
    private async Task AskAsync(long student, string question)
    {
        telegram.EnqueueCommand(student, "start");
        await telegram.WaitForCallsAsync(student, 1, Timeout);
        telegram.EnqueueCommand(student, "ask");
        await telegram.WaitForCallsAsync(student, 2, Timeout);
        telegram.EnqueueText(student, question);
        await telegram.WaitForCallsAsync(student, 3, Timeout);
    }
}
