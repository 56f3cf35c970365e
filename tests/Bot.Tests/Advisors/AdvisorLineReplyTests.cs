using System.Net;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;

namespace Bot.Tests.Advisors;

/// <summary>An advisor on LINE, students on Telegram: answering from LINE without the dashboard.</summary>
[Collection(RedisCollection.Name)]
public class AdvisorLineReplyTests(RedisFixture redis) : BothChannelsTest(redis)
{
    private const string Advisor = "U0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ALineAdvisorAnswersAnEarlierQuestionByQuotingItsCard()
    {
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line, new Dictionary<string, string?> { ["Advisors:LineUserIds:0"] = Advisor });
        await AskAsync(6101, "Where do I pay the fee?");
        await AskAsync(6102, "How long does approval take?");
        var cards = await Line.WaitForMessagesAsync(Advisor, 2, Timeout);
        var first = cards.Single(m => m.Text?.Contains("Where do I pay the fee?", StringComparison.Ordinal) == true);

        // A newer card came after it, so its quick-reply buttons are gone: the advisor quotes it instead.
        await QuoteAsync(host, first.Id, "At any convenience store, within 5 days of approval.");

        var answered = await Telegram.WaitForCallsAsync(6101, 4, Timeout);
        Assert.Equal("Advisor: At any convenience store, within 5 days of approval.", answered[^1].Text);
        var sentToFirst = (await Line.WaitForMessagesAsync(Advisor, 3, Timeout))[^1];
        Assert.Equal("Sent.", sentToFirst.Text);
        Assert.Equal(3, Telegram.Transcript(6102).Count);

        // The second question, by quoting its card; then back to the first student by quoting the "Sent." under it.
        var second = cards.Single(m => m.Text?.Contains("How long does approval take?", StringComparison.Ordinal) == true);
        await QuoteAsync(host, second.Id, "Usually 3 to 7 days.");
        Assert.Equal("Advisor: Usually 3 to 7 days.", (await Telegram.WaitForCallsAsync(6102, 4, Timeout))[^1].Text);
        await Line.WaitForMessagesAsync(Advisor, 4, Timeout);
        await QuoteAsync(host, sentToFirst.Id, "Keep the receipt: you need it to collect the card.");

        Assert.Equal("Advisor: Keep the receipt: you need it to collect the card.", (await Telegram.WaitForCallsAsync(6101, 5, Timeout))[^1].Text);
        Assert.Equal(4, Telegram.Transcript(6102).Count);
        Assert.Empty(Line.Violations);
    }

    private async Task QuoteAsync(AdvisorTestHost host, string messageId, string text)
    {
        using var response = await Line.SendEventsAsync(
            host.BaseUrl.TrimEnd('/') + "/webhooks/line", AdvisorTestHost.LineChannelSecret, Line.QuotingTextMessage(Advisor, text, messageId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A Telegram student starts, presses /ask and sends their question.</summary>
    private async Task AskAsync(long student, string question)
    {
        Telegram.EnqueueCommand(student, "start");
        await Telegram.WaitForCallsAsync(student, 1, Timeout);
        Telegram.EnqueueCommand(student, "ask");
        await Telegram.WaitForCallsAsync(student, 2, Timeout);
        Telegram.EnqueueText(student, question);
        await Telegram.WaitForCallsAsync(student, 3, Timeout);
    }
}
