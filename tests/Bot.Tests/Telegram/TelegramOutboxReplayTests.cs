using Bot.Dialogs.Conversation;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Tests.Telegram;

/// <summary>A reply still failing after the HTTP client's retries, when the student's state was already saved: sent from the outbox later.</summary>
[Collection(RedisCollection.Name)]
public class TelegramOutboxReplayTests(RedisFixture redis) : TelegramHostTest(redis)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telegram:MaxRetryAttempts"] = "3",
        ["Telegram:RetryBaseDelay"] = "00:00:00.010",
        ["Delivery:RetryDelay"] = "00:00:00.010",
        ["Delivery:MaxRetryDelay"] = "00:00:00.100",
    };

    [Fact]
    public async Task AReplyStillFailingWhenTheHostStopsIsSentFromTheOutboxByTheNextHostWithoutRunningTheTurnTwice()
    {
        const long chat = 5_200_001;
        var student = await TelegramSendFaultTests.AtTheSurname(new TelegramStudent(Telegram, chat));
        Telegram.FailSends(chat, count: 1_000);
        var update = Telegram.EnqueueText(chat, "NGUYEN");

        // The turn is saved (surname NGUYEN), then every send fails: the HTTP retries, then the delivery's attempts.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        await Eventually.TrueAsync(async () => await SurnameAsync(chat) == "NGUYEN", TelegramStudent.Patience, "the turn to be saved");
        await Telegram.WaitUntilAsync(t => t.Calls.Count(c => c.ChatId == chat && !c.Succeeded) >= 8, TelegramStudent.Patience);
        Assert.True(Telegram.ConfirmedOffset <= update);

        await RestartHostAsync();
        Telegram.StopFailingSends(chat);

        await Telegram.WaitUntilAsync(t => t.ConfirmedOffset > update, TelegramStudent.Patience);
        Assert.Single(Telegram.Transcript(chat), c => c.Text?.Contains("✓ Surname: NGUYEN", StringComparison.Ordinal) == true);
        var state = StudentStateJson.Deserialize((await Host.Services.GetRequiredService<StudentStore>().ReadAsync(new("tg", chat.ToString(System.Globalization.CultureInfo.InvariantCulture))))!);
        Assert.Equal("NGUYEN", state.Answer("surname"));
        Assert.Null(state.Answer("givenNames"));
    }

    private async Task<string?> SurnameAsync(long chat)
    {
        var record = await Host.Services.GetRequiredService<StudentStore>().ReadAsync(new("tg", chat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return record is null ? null : StudentStateJson.Deserialize(record).Answer("surname");
    }
}
