using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Reminders;
using Bot.Host.Conversation;
using Bot.Tests.Dialogs;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Line;

/// <summary>Reminders that carry a deadline reach LINE as Flex cards: title, the deadline prominent, the text.</summary>
[Collection(RedisCollection.Name)]
public sealed class LineDeadlineCardTests(RedisFixture redis) : IAsyncLifetime
{
    private LineHarness line = null!;

    public async Task InitializeAsync() => line = await LineHarness.StartAsync(redis, new() { ["Line:RichMenu"] = "false" });

    public async Task DisposeAsync() => await line.DisposeAsync();

    [Fact]
    public async Task APaymentReminderIsACardWithItsDeadlineTheTextAsAltTextAndItsAnswerButtons()
    {
        var d = new DialogDriver().ToReview().Press("rev:ok").Say("104522736210").Press("case:emailarrived")
            .Press("case:approved").Press("case:today").Press("case:fc:no");
        var reminder = ReminderPlanner.Plan(StudentCase.Of(d.State), d.Time.GetUtcNow()).First(r => r.Kind == ReminderKind.Payment);
        var replies = new StudentConversation(d.State, d.Settings).RenderReminder(reminder);
        var user = line.NewUser("en");
        await line.SendAsync(user, line.Platform.Follow(user));
        var pusher = line.Host.Services.GetServices<IChannelPusher>().Single(p => p.Channel == "line");

        Assert.Equal(PushResult.Sent, await pusher.PushAsync(user, replies, "reminder|test", CancellationToken.None));

        var card = line.Platform.MessagesTo(user)[^1].Message;
        Assert.Equal("flex", (string?)card["type"]);
        Assert.Equal(replies[^1].PlainText, (string?)card["altText"]);
        Assert.Equal("⏰ ARC fee", (string?)card["contents"]!["header"]!["contents"]![0]!["text"]);
        var deadline = card["contents"]!["body"]!["contents"]![0]!["contents"]!.AsArray();
        Assert.Equal(("Deadline", reminder.Arguments[0]), ((string?)deadline[0]!["text"], (string?)deadline[1]!["text"]));
        Assert.Contains("NT$1,000", (string?)card["contents"]!["body"]!["contents"]![2]!["text"], StringComparison.Ordinal);
        Assert.Contains(card["quickReply"]!["items"]!.AsArray(), i => (string?)i!["action"]!["data"] == "case:paid");
        Assert.Empty(line.Platform.Violations);
    }

    [Fact]
    public void AReminderWithoutADeadlineStaysText()
    {
        var d = new DialogDriver().ToReview().Press("rev:ok").Say("104522736210");
        var reminder = ReminderPlanner.Plan(StudentCase.Of(d.State), d.Time.GetUtcNow().AddDays(3)).First(r => r.Kind == ReminderKind.SubmissionEmailMissing);

        var replies = new StudentConversation(d.State, d.Settings).RenderReminder(reminder);

        Assert.All(replies, r => Assert.Null(r.Card));
    }
}
