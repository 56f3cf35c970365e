using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Advisors;

[Collection(RedisCollection.Name)]
public class AdvisorQuestionTests(RedisFixture redis) : IAsyncLifetime
{
    private const long Student = 6001;
    private const long Advisor = AdvisorTestHost.AdvisorTelegramId;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private FakeTelegramServer telegram = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        telegram = await FakeTelegramServer.StartAsync();
    }

    public async Task DisposeAsync() => await telegram.DisposeAsync();

    [Fact]
    public async Task DeletingMyDataAlsoDeletesMyQuestionsToTheAdvisors()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram);
        await AskAsync("My passport number is C1234567, can I extend?");
        var cookie = await host.LoginAsync();
        Assert.Single(await QuestionsAsync(host, cookie));

        telegram.EnqueueCommand(Student, "delete");
        var confirm = (await telegram.WaitForCallsAsync(Student, 4, Timeout))[^1];
        telegram.EnqueueCallback(Student, confirm.MessageId!.Value, "del:yes");
        await telegram.WaitForCallsAsync(Student, 5, Timeout);

        Assert.Empty(await QuestionsAsync(host, cookie));
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.False(await connection.GetDatabase().KeyExistsAsync("adv:msgs:{tg:" + Student + "}"));
    }

    /// <summary>The student starts, presses /ask and sends their question; returns the student's transcript so far.</summary>
    private async Task<IReadOnlyList<BotCall>> AskAsync(string question)
    {
        telegram.EnqueueCommand(Student, "start");
        await telegram.WaitForCallsAsync(Student, 1, Timeout);
        telegram.EnqueueCommand(Student, "ask");
        await telegram.WaitForCallsAsync(Student, 2, Timeout);
        telegram.EnqueueText(Student, question);
        return await telegram.WaitForCallsAsync(Student, 3, Timeout);
    }

    private static async Task<List<JsonElement>> QuestionsAsync(AdvisorTestHost host, string cookie)
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/dashboard/api/questions", cookie);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    [Fact]
    public async Task AQuestionReachesTheAdvisorWhoAnswersTalksAndHandsBack()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram);
        var afterQuestion = await AskAsync("Can I still apply after my ARC expired?");
        Assert.Contains("with the advisors", afterQuestion[^1].Text, StringComparison.Ordinal);

        var card = (await telegram.WaitForCallsAsync(Advisor, 1, Timeout))[0];
        Assert.Contains("Can I still apply after my ARC expired?", card.Text, StringComparison.Ordinal);
        Assert.Contains("stage New", card.Text, StringComparison.Ordinal);

        // The advisor takes the question and answers in chat.
        telegram.EnqueueCallback(Advisor, card.MessageId!.Value, card.CallbackData[0]);
        await telegram.WaitForCallsAsync(Advisor, 2, Timeout);
        telegram.EnqueueText(Advisor, "Yes, apply at once; there is a fine for the late days.");
        var answer = await telegram.WaitForCallsAsync(Student, 4, Timeout);
        Assert.Equal("Advisor: Yes, apply at once; there is a fine for the late days.", answer[^1].Text);

        // While the advisor has the chat, the bot forwards and stays quiet.
        telegram.EnqueueText(Student, "Thank you! How much is the fine?");
        var forwarded = await telegram.WaitForCallsAsync(Advisor, 4, Timeout);
        Assert.Contains(forwarded, c => c.Text?.Contains("How much is the fine?", StringComparison.Ordinal) == true);
        Assert.Equal(4, telegram.Transcript(Student).Count);

        // The dashboard's inbox shows the thread.
        var cookie = await host.LoginAsync();
        using (var inbox = await host.SendAsync(HttpMethod.Get, "/dashboard/api/questions", cookie))
        {
            using var json = JsonDocument.Parse(await inbox.Content.ReadAsStringAsync());
            var thread = Assert.Single(json.RootElement.EnumerateArray().ToList());
            Assert.Equal(3, thread.GetProperty("messages").GetArrayLength());
        }

        // One action gives the student back to the bot.
        var handBack = forwarded[^1].CallbackData.Single(d => d.StartsWith("adv:back:", StringComparison.Ordinal));
        telegram.EnqueueCallback(Advisor, forwarded[^1].MessageId!.Value, handBack);
        var back = await telegram.WaitForCallsAsync(Student, 5, Timeout);
        Assert.Contains("closed this conversation", back[^1].Text, StringComparison.Ordinal);

        telegram.EnqueueText(Student, "help");
        var helped = await telegram.WaitForCallsAsync(Student, 6, Timeout);
        Assert.DoesNotContain("Advisor:", helped[^1].Text ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdvisorAnswersByReplyingToTheQuestionInTelegram()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram);
        await AskAsync("Can my friend collect my ARC for me?");
        var card = (await telegram.WaitForCallsAsync(Advisor, 1, Timeout))[0];
        Assert.Contains("reply to this message", card.Text, StringComparison.Ordinal);

        // Swipe to reply, without pressing Answer first.
        telegram.EnqueueReply(Advisor, card.MessageId!.Value, "No, you must collect it yourself with your receipt and old ARC.");

        var answer = await telegram.WaitForCallsAsync(Student, 4, Timeout);
        Assert.Equal("Advisor: No, you must collect it yourself with your receipt and old ARC.", answer[^1].Text);
        var sent = await telegram.WaitForCallsAsync(Advisor, 2, Timeout);
        Assert.Equal("Sent.", sent[^1].Text);

        // The advisor's next message goes to the same student, as after pressing Answer.
        telegram.EnqueueText(Advisor, "Bring your passport too.");
        var more = await telegram.WaitForCallsAsync(Student, 5, Timeout);
        Assert.Equal("Advisor: Bring your passport too.", more[^1].Text);
    }

    [Fact]
    public async Task AFileCaptionWithCopyMarkersReachesTheAdvisorsAsPlainText()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram);
        telegram.EnqueueCommand(Student, "start");
        await telegram.WaitForCallsAsync(Student, 1, Timeout);
        telegram.EnqueueCommand(Student, "ask");
        await telegram.WaitForCallsAsync(Student, 2, Timeout);

        // The markers the bot uses for tap-to-copy values, typed (or pasted back) by the student, unbalanced.
        telegram.EnqueuePhoto(Student, Uploads.TestImages.Jpeg(Uploads.TestImages.Astronaut()), caption: "\u27E6\u27E6passport page <b> \u27E7 is it ok?\u27E6");
        var card = (await telegram.WaitForCallsAsync(Advisor, 1, Timeout))[0];
        Assert.True(card.Succeeded, card.ToString());
        Assert.Contains("[1 file] passport page &lt;b&gt;  is it ok?", card.Text, StringComparison.Ordinal);
        Assert.Empty(telegram.Violations);
    }

    [Fact]
    public async Task AMessageTooLongForTheAdvisorsIsRefusedInTheStudentsLanguageAndNotForwarded()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram);
        await AskAsync("Can I extend after my ARC expired?");
        await telegram.WaitForCallsAsync(Advisor, 1, Timeout);

        telegram.EnqueueText(Student, new string('x', Bot.Dialogs.Conversation.StudentConversation.MaxTextLength + 1));
        var refused = await telegram.WaitForCallsAsync(Student, 4, Timeout);
        var expected = Bot.Dialogs.Messages.MessageCatalogue.Default.Format(Bot.Dialogs.Messages.Language.English, "limits.advisorMessageTooLong", Bot.Dialogs.Conversation.StudentConversation.MaxTextLength);
        Assert.Equal(expected, refused[^1].Text);

        // The next, shorter message is the only other thing the advisors get.
        telegram.EnqueueText(Student, "Sorry, in short: can I still extend?");
        var cards = await telegram.WaitForCallsAsync(Advisor, 2, Timeout);
        Assert.Contains("in short", cards[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(telegram.Transcript(Advisor), c => c.Text?.Contains("xxxxxxxxxx", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task AnAdvisorAnswersFromTheDashboard()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram);
        await AskAsync("Where do I pay?");

        var cookie = await host.LoginAsync();
        using var answered = await host.SendAsync(HttpMethod.Post, "/dashboard/api/questions/tg%3A6001/answer", cookie, new { text = "At any convenience store." });
        answered.EnsureSuccessStatusCode();
        var messages = await telegram.WaitForCallsAsync(Student, 4, Timeout);
        Assert.Equal("Advisor: At any convenience store.", messages[^1].Text);

        using var handedBack = await host.SendAsync(HttpMethod.Post, "/dashboard/api/questions/tg%3A6001/handback", cookie);
        handedBack.EnsureSuccessStatusCode();
        await telegram.WaitForCallsAsync(Student, 5, Timeout);
        using var inbox = await host.SendAsync(HttpMethod.Get, "/dashboard/api/questions", cookie);
        Assert.Equal("[]", await inbox.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatsInChatCountStudentsPerStageForAdvisorsOnly()
    {
        await AdvisorTestHost.SeedAsync(redis, "tg:7001", s => s.Answers["arcExpiry"] = "2020-05-01");
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram);
        telegram.EnqueueCommand(Advisor, "stats");
        var stats = (await telegram.WaitForCallsAsync(Advisor, 1, Timeout))[0];
        Assert.Contains("Drafting: 1", stats.Text, StringComparison.Ordinal);
        Assert.Contains("Overdue (deadline passed, not done): 1", stats.Text, StringComparison.Ordinal);

        telegram.EnqueueCommand(Student, "start");
        await telegram.WaitForCallsAsync(Student, 1, Timeout);
        telegram.EnqueueCommand(Student, "stats");
        var refused = await telegram.WaitForCallsAsync(Student, 2, Timeout);
        Assert.Contains("for the school's advisors", refused[^1].Text, StringComparison.Ordinal);
    }
}
