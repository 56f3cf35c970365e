using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telegram;

/// <summary>Telegram failing while a reply is sent (5xx, a dropped connection): the HTTP client's own retries.</summary>
[Collection(RedisCollection.Name)]
public class TelegramSendFaultTests(RedisFixture redis) : TelegramHostTest(redis)
{
    /// <summary>One delivery attempt only: whatever is sent was sent by the HTTP client's retries.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telegram:MaxRetryAttempts"] = "3",
        ["Telegram:RetryBaseDelay"] = "00:00:00.010",
        ["Delivery:MaxAttempts"] = "1",
    };

    internal static Task<TelegramStudent> AtTheSurname(TelegramStudent student) =>
        student.Say("/start").Press("lang:en").Press("v:ext").Press("nav:skip").Press("v:two");

    [Theory]
    [InlineData(502)]
    [InlineData(0)]
    public async Task AReplyThatMeetsTelegramErrorsOrADroppedConnectionIsSentByTheHttpClientsRetries(int status)
    {
        var chat = 5_100_000L + status;
        var student = await AtTheSurname(new TelegramStudent(Telegram, chat));
        Telegram.FailSends(chat, count: 3, status);

        await student.Say("NGUYEN");

        Assert.Contains("✓ Surname: NGUYEN", student.LastAnswer, StringComparison.Ordinal);
        Assert.Equal(3, Telegram.Calls.Count(c => c.ChatId == chat && c.Method == "sendMessage" && !c.Succeeded));
        Assert.Single(Telegram.Transcript(chat), c => c.Text?.Contains("✓ Surname: NGUYEN", StringComparison.Ordinal) == true);
    }
}
