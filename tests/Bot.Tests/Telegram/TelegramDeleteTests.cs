using Bot.Host.Advisors;
using Bot.Host.Reminders;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Tests.Telegram;

/// <summary>/delete after a whole application: what the bot kept about the student is gone, wherever it lived.</summary>
[Collection(RedisCollection.Name)]
public class TelegramDeleteTests(RedisFixture redis) : TelegramHostTest(redis)
{
    [Fact]
    public async Task DeleteErasesEveryKeyOfTheStudentAndTakesThemOutOfEveryList()
    {
        var student = new TelegramStudent(Telegram, 7101);
        await student.Say("/start").Press("lang:en").Press("v:ext").Register("nguyen").FormAfterRegistration();
        await student.Press("rev:ok");
        await student.Say("104522736210");
        await student.Say("/ask");
        await student.Say("When is my card ready?");

        // Their record, outbox, limits and advisor thread, reminders planned, and their place in the shared lists.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var db = connection.GetDatabase();
        var key = new StudentKey("tg", "7101");
        Assert.NotEmpty(await RedisKeys.AllAsync(connection, "*" + key.Tag + "*"));
        Assert.True(await db.SetLengthAsync(ReminderStore.PlanKey(key)) > 0);
        Assert.NotNull(await db.SortedSetScoreAsync(StudentStore.StudentsIndex, key.ToString()));

        await student.Say("/delete").Press("del:yes");
        Assert.Contains("deleted", student.LastAnswer, StringComparison.Ordinal);

        // Some of these live in other hash slots (on a cluster, other nodes) than the student's keys.
        Assert.Empty(await RedisKeys.AllAsync(connection, "*" + key.Tag + "*"));
        Assert.False(await db.KeyExistsAsync(ReminderStore.PlanKey(key)));
        Assert.DoesNotContain(await db.SortedSetRangeByRankAsync(ReminderStore.Due), m => m.ToString().StartsWith(key + "|", StringComparison.Ordinal));
        await Eventually.TrueAsync(async () => await db.SortedSetScoreAsync(StudentStore.StudentsIndex, key.ToString()) is null, TelegramStudent.Patience, "the student to leave the students index");
        Assert.DoesNotContain(await db.SortedSetRangeByRankAsync(AdvisorInbox.OpenThreads), m => m.ToString() == key.ToString());
    }
}
