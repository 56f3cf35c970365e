using Bot.Host.Advisors;
using Bot.Host.Broadcasts;
using Bot.Host.Line;
using Bot.Host.Reminders;
using Bot.Host.Storage;
using Bot.Tests.Advisors;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Host;

/// <summary>Keys shared by all students stay bounded: entries of students who are gone (and expired jobs and threads) are pruned.</summary>
[Collection(RedisCollection.Name)]
public class IndexPruningTests(RedisFixture redis)
{
    [Fact]
    public async Task EntriesOfStudentsWhoAreGoneLeaveEverySharedIndexAndTheRestStay()
    {
        await redis.FlushAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var now = time.GetUtcNow();
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = admin.GetDatabase();

        // Gone: silent past the retention period, their record expired. Kept: a record kept alive, and a recent student.
        await AdvisorTestHost.SeedAsync(redis, "tg:2");
        await AdvisorTestHost.SeedAsync(redis, "tg:3");
        await AdvisorTestHost.SeedAsync(redis, "line:Ukept");
        var ancient = now.AddDays(-500).ToUnixTimeSeconds();
        await db.SortedSetAddAsync(StudentStore.StudentsIndex, [new("tg:1", ancient), new("tg:2", ancient), new("line:Ugone", ancient)]);

        await db.SetAddAsync(LineReachability.Unreachable, ["Ugone", "Ukept"]);
        await db.SetAddAsync(StudentDirectory.BlockedSet, ["tg:1", "line:Ugone", "tg:3"]);
        await db.SetAddAsync(ReminderStore.Blocked, ["tg:1", "tg:3"]);
        await db.SortedSetAddAsync(AdvisorInbox.OpenThreads, [new("tg:1", now.AddDays(-100).ToUnixTimeMilliseconds()), new("tg:4", now.ToUnixTimeMilliseconds()), new("tg:3", now.ToUnixTimeMilliseconds())]);

        // Broadcast jobs: one whose keys expired 61 days on, one as old still there, one recent.
        await db.SortedSetAddAsync(BroadcastStore.List, [new("expired", now.AddDays(-61).ToUnixTimeMilliseconds()), new("old-kept", now.AddDays(-61).ToUnixTimeMilliseconds()), new("recent", now.ToUnixTimeMilliseconds())]);
        await db.HashSetAsync(BroadcastStore.JobKey("old-kept"), "status", "Done");
        await db.HashSetAsync(BroadcastStore.JobKey("recent"), "status", "Done");

        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = redis.ConnectionString,
                ["Line:ChannelSecret"] = "index-pruning-secret",
                ["Line:ChannelAccessToken"] = line.ChannelAccessToken,
                ["Line:ApiBaseUrl"] = line.ApiBaseUrl,
                ["Line:DataApiBaseUrl"] = line.DataApiBaseUrl,
                ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
            },
            b => b.Services.AddSingleton<TimeProvider>(time));

        // Nothing happens before the first look; the clock moves on and the pruning runs.
        Assert.Equal(5, await db.SortedSetLengthAsync(StudentStore.StudentsIndex));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await db.SortedSetLengthAsync(BroadcastStore.List) == 3)
        {
            time.Advance(TimeSpan.FromSeconds(31));
            await Task.Delay(50, deadline.Token);
        }

        Assert.Equal(["line:Ukept", "tg:2", "tg:3"], Members(await db.SortedSetRangeByRankAsync(StudentStore.StudentsIndex)));
        Assert.Equal(["Ukept"], Members(await db.SetMembersAsync(LineReachability.Unreachable)));
        Assert.Equal(["tg:3"], Members(await db.SetMembersAsync(StudentDirectory.BlockedSet)));
        Assert.Equal(["tg:3"], Members(await db.SetMembersAsync(ReminderStore.Blocked)));
        Assert.Equal(["tg:3"], Members(await db.SortedSetRangeByRankAsync(AdvisorInbox.OpenThreads)));
        Assert.Equal(["old-kept", "recent"], Members(await db.SortedSetRangeByRankAsync(BroadcastStore.List)));
    }

    private static List<string> Members(RedisValue[] values) => [.. values.Select(v => v.ToString()).Order(StringComparer.Ordinal)];
}
