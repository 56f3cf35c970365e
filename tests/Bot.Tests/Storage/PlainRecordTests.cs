using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using Bot.Host.Storage.Encryption;
using Bot.Tests.Dialogs;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Tests.Storage;

/// <summary>Records saved before encryption (plain JSON) still load, and their next save encrypts them.</summary>
[Collection(RedisCollection.Name)]
public sealed class PlainRecordTests(RedisFixture redis)
{
    [Fact]
    public async Task ARecordSavedBeforeEncryptionLoadsAndItsNextSaveEncryptsIt()
    {
        await redis.FlushAsync();
        var student = new StudentKey("tg", "5151");
        var registered = new DialogDriver(now: DateTimeOffset.UtcNow).ToRegistration().Register();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        await db.StringSetAsync(StudentStore.RecordKey(student), StudentStateJson.Serialize(registered.State));
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });

        var outcome = await host.Services.GetRequiredService<TurnProcessor>().RunAsync(student, "u1", Inbound.Button("go:next"), CancellationToken.None);

        // The e-mail step names the address the plain record holds.
        Assert.Contains("an.nguyen@example.com", string.Join('\n', outcome!.Replies.Select(r => r.Text)), StringComparison.Ordinal);
        var stored = (byte[])(await db.StringGetAsync(StudentStore.RecordKey(student)))!;
        Assert.True(StorageCipher.IsSealed(stored));
        Assert.Equal(-1, stored.AsSpan().IndexOf("NGUYEN"u8));
        Assert.Equal("VerifyingEmail", StudentStateJson.Deserialize((await host.Services.GetRequiredService<StudentStore>().ReadAsync(student))!).Phase);
    }
}
