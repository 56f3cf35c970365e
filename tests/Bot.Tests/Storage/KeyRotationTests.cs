using System.Text;
using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Conversation;
using Bot.Host.Files;
using Bot.Host.Inbox;
using Bot.Host.Storage;
using Bot.Host.Storage.Encryption;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Tests.Storage;

/// <summary>
/// Rotating the storage key: a new key is added and made active, everything still reads, <c>rewrap</c> re-encrypts what the
/// old key encrypted (and encrypts what was stored before encryption), and then the old key can be removed.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class KeyRotationTests(RedisFixture redis)
{
    private const string K1 = "MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=";
    private const string K2 = "MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=";
    private static readonly StudentKey Student = new("tg", "4242");
    private static readonly StudentKey Earlier = new("tg", "4343");

    [Fact]
    public async Task ARotatedKeyIsRewrappedAwayAndThenEverythingReadsWithTheNewKeyAlone()
    {
        await redis.FlushAsync();
        string fileToken;
        await using (var before = await StartAsync(("k1", K1)))
        {
            var turns = before.Services.GetRequiredService<TurnProcessor>();
            foreach (var (id, inbound) in Steps())
            {
                await turns.RunAsync(Student, id, inbound, CancellationToken.None);
            }

            await before.Services.GetRequiredService<AdvisorInbox>().AddAsync(Student, new ThreadMessage("student", "My passport is C1234567", DateTimeOffset.UtcNow));
            var link = await before.Services.GetRequiredService<FileStore>().StoreAsync(Student, [1, 2, 3, 4], "image/jpeg", "photo.jpg");
            fileToken = link[(link.LastIndexOf('/') + 1)..];
            await before.Services.GetRequiredService<DeadLetters>().AddAsync(new InboxEntry("tg", Student.ToString(), "77", """{"message":{"text":"NGUYEN"}}"""), 10, new TimeoutException());
        }

        // A student saved by a version of the bot from before encryption.
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            await connection.GetDatabase().StringSetAsync(StudentStore.RecordKey(Earlier), StudentStateJson.Serialize(new StudentState { Phase = "ChoosingApplication" }));
        }

        Assert.All(await SealedKeyIdsAsync(fileToken), id => Assert.Equal("k1", id));

        // The new key is added and made active: the old values still read.
        await using (var rotated = await StartAsync(("k1", K1), ("k2", K2)))
        {
            var saved = await rotated.Services.GetRequiredService<StudentStore>().ReadAsync(Student);
            Assert.Equal("NGUYEN", StudentStateJson.Deserialize(saved!).Answer("surname"));
        }

        Assert.Equal(0, await RewrapAsync(("k1", K1), ("k2", K2)));
        Assert.All(await SealedKeyIdsAsync(fileToken), id => Assert.Equal("k2", id));
        Assert.True(await IsSealedAsync(StudentStore.RecordKey(Earlier)));

        // The old key is gone: everything reads with the new one alone.
        await using var after = await StartAsync(("k2", K2));
        var store = after.Services.GetRequiredService<StudentStore>();
        Assert.Equal("NGUYEN", StudentStateJson.Deserialize((await store.ReadAsync(Student))!).Answer("surname"));
        Assert.Equal("ChoosingApplication", StudentStateJson.Deserialize((await store.ReadAsync(Earlier))!).Phase);
        Assert.Contains(await after.Services.GetRequiredService<AdvisorInbox>().MessagesAsync(Student), m => m.Text == "My passport is C1234567");
        using var http = new HttpClient();
        Assert.Equal([1, 2, 3, 4], await http.GetByteArrayAsync(after.Url("/files/" + fileToken)));
        var replay = await after.Services.GetRequiredService<TurnProcessor>().RunAsync(Student, "s5", Inbound.FromText("NGUYEN"), CancellationToken.None);
        Assert.True(replay!.Replayed);
        Assert.Contains("Surname: NGUYEN", string.Join('\n', replay.Replies.Select(r => r.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewrapSaysWhatItCannotReachAndExitsNonZeroUntilTheOldKeyIsBack()
    {
        await redis.FlushAsync();
        await using (var before = await StartAsync(("k1", K1)))
        {
            await before.Services.GetRequiredService<TurnProcessor>().RunAsync(Student, "s1", Inbound.FromText("hi"), CancellationToken.None);
        }

        // k1 removed too early: its values are left (and reported), nothing is lost.
        Assert.Equal(1, await RewrapAsync(("k2", K2)));
        Assert.Equal(0, await RewrapAsync(("k1", K1), ("k2", K2)));
    }

    private static IEnumerable<(string Id, Inbound Inbound)> Steps() =>
        [("s1", Inbound.FromText("hi")), ("s2", Inbound.Button("lang:en")), ("s3", Inbound.Button("v:ext")), ("s4", Inbound.Button("nav:skip")),
         ("s4b", Inbound.Button("v:two")), ("s5", Inbound.FromText("NGUYEN"))];

    private Task<BotHost> StartAsync(params (string Id, string Key)[] keys)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Storage:ActiveKeyId"] = keys[^1].Id,
        };
        foreach (var (id, key) in keys)
        {
            settings["Storage:EncryptionKeys:" + id] = key;
        }

        return BotHost.StartAsync(settings);
    }

    /// <summary>Runs the command as an operator would (the same configuration as the hosts, on its command line).</summary>
    private Task<int> RewrapAsync(params (string Id, string Key)[] keys) =>
        RewrapCommand.RunAsync([
            "--ConnectionStrings:Redis=" + redis.ConnectionString, "--LocalChat:Enabled=false", "--Storage:ActiveKeyId=" + keys[^1].Id,
            .. keys.Select(k => $"--Storage:EncryptionKeys:{k.Id}={k.Key}")]);

    private async Task<IReadOnlyList<string?>> SealedKeyIdsAsync(string fileToken)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        var outbox = (byte[])(await db.StringGetAsync(StudentStore.OutboxKey(Student)))!;
        var dead = await db.StreamRangeAsync(DeadLetters.Stream(DurableInbox.ShardOf(Student.ToString())));
        var body = (string)dead.Single()["body"]!;
        return
        [
            StorageCipher.KeyIdOf((byte[])(await db.StringGetAsync(StudentStore.RecordKey(Student)))!),
            StorageCipher.KeyIdOf(outbox.AsSpan(2 + outbox[1])),
            StorageCipher.KeyIdOf((byte[])(await db.ListGetByIndexAsync(AdvisorInbox.MessagesKey(Student), 0))!),
            StorageCipher.KeyIdOf((byte[])(await db.HashGetAsync(FileStore.Key(fileToken), "enc"))!),
            StorageCipher.KeyIdOf(Convert.FromBase64String(body[InboxBodies.SealedPrefix.Length..])),
        ];
    }

    private async Task<bool> IsSealedAsync(RedisKey key)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        return StorageCipher.IsSealed((byte[])(await connection.GetDatabase().StringGetAsync(key))!);
    }
}
