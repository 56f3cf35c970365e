using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using Bot.Tests.Dialogs;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Tests.Host;

/// <summary>Re-planning costs a round trip, so a turn only triggers it when the case timeline changed.</summary>
[Collection(RedisCollection.Name)]
public class TurnTimelineListenerTests(RedisFixture redis)
{
    [Fact]
    public async Task OnlyTurnsThatChangeTheTimelineReachTheListener()
    {
        await redis.FlushAsync();
        await using var mux = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var driver = new DialogDriver().ToReview().Press("rev:ok");
        var student = new StudentKey("tg", "77");
        await mux.GetDatabase().StringSetAsync(StudentStore.RecordKey(student), StudentStateJson.Serialize(driver.State));
        var listener = new CountingListener();
        var store = new StudentStore(mux, Options.Create(new StorageOptions()), Bot.Tests.Infrastructure.TestKeys.Cipher());
        var turns = new TurnProcessor(
            store,
            driver.Pool,
            new Bot.Host.Uploads.UploadProcessor([], [], new Bot.Dialogs.Uploads.IdPhotoMaker(new Bot.Dialogs.Uploads.HaarFaceFinder()), new Bot.Dialogs.Uploads.DocumentPreparer(), NullLogger<Bot.Host.Uploads.UploadProcessor>.Instance),
            driver.Time,
            [listener],
            [],
            [],
            new Bot.Host.Limits.StudentLimits(mux, Options.Create(new Bot.Host.Limits.StudentLimitsOptions()), driver.Time, NullLogger<Bot.Host.Limits.StudentLimits>.Instance),
            new Bot.Host.Printing.PrintableReplies(new Bot.Host.Printing.PreparedPhotoStore(mux, Bot.Tests.Infrastructure.TestKeys.Cipher()), NullLogger<Bot.Host.Printing.PrintableReplies>.Instance),
            new Bot.Host.Roster.StudentRoster(mux, new Bot.Host.Advisors.StudentDirectory(mux, store), store.Cipher, driver.Time, NullLogger<Bot.Host.Roster.StudentRoster>.Instance),
            NullLogger<TurnProcessor>.Instance);

        await turns.RunAsync(student, "1", Inbound.FromText("/help"), CancellationToken.None);
        await turns.RunAsync(student, "2", Inbound.FromText("/summary"), CancellationToken.None);
        Assert.Equal(0, listener.Calls);

        await turns.RunAsync(student, "3", Inbound.FromText("104522736210"), CancellationToken.None);
        Assert.Equal(1, listener.Calls);
        await turns.RunAsync(student, "4", Inbound.FromText("/status"), CancellationToken.None);
        Assert.Equal(1, listener.Calls);
        await turns.RunAsync(student, "5", Inbound.FromText("/mute"), CancellationToken.None);
        Assert.Equal(2, listener.Calls);
    }

    private sealed class CountingListener : ITimelineListener
    {
        public int Calls { get; private set; }

        public Task TimelineChangedAsync(StudentKey student, StudentState? state, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }
}
