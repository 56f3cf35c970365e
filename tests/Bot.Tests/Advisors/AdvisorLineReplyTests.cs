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
        await QuoteAsync(host, first.Id, "At any convenience store, within 5 days of approval.");

        var answered = await telegram.WaitForCallsAsync(6101, 4, Timeout);
        Assert.Equal("Advisor: At any convenience store, within 5 days of approval.", answered[^1].Text);
        var sentToFirst = (await line.WaitForMessagesAsync(Advisor, 3, Timeout))[^1];
        Assert.Equal("Sent.", sentToFirst.Text);
        Assert.Equal(3, telegram.Transcript(6102).Count);

        // The second question, by quoting its card; then back to the first student by quoting the "Sent." under it.
        var second = cards.Single(m => m.Text?.Contains("How long does approval take?", StringComparison.Ordinal) == true);
        await QuoteAsync(host, second.Id, "Usually 3 to 7 days.");
        Assert.Equal("Advisor: Usually 3 to 7 days.", (await telegram.WaitForCallsAsync(6102, 4, Timeout))[^1].Text);
        await line.WaitForMessagesAsync(Advisor, 4, Timeout);
        await QuoteAsync(host, sentToFirst.Id, "Keep the receipt: you need it to collect the card.");

        Assert.Equal("Advisor: Keep the receipt: you need it to collect the card.", (await telegram.WaitForCallsAsync(6101, 5, Timeout))[^1].Text);
        Assert.Equal(4, telegram.Transcript(6102).Count);
        Assert.Empty(line.Violations);
    }

    private async Task QuoteAsync(AdvisorTestHost host, string messageId, string text)
    {
        using var response = await line.SendEventsAsync(
            host.BaseUrl.TrimEnd('/') + "/webhooks/line", AdvisorTestHost.LineChannelSecret, line.QuotingTextMessage(Advisor, text, messageId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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
