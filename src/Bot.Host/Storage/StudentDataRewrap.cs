using Bot.Host.Conversation;
using Bot.Host.Storage.Encryption;
using StackExchange.Redis;

namespace Bot.Host.Storage;

/// <summary>Student records (<c>st:{…}</c>) and outboxes (<c>ob:{…}</c>) re-encrypted with the active key.</summary>
public sealed class StudentDataRewrap(IConnectionMultiplexer redis, StudentStore store) : IStorageRewrapper
{
    public string Name => "student records and outboxes";

    public async Task<RewrapCount> RewrapAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var cipher = store.Cipher;
        var total = new RewrapCount();
        await foreach (var key in RedisScan.KeysAsync(redis, "st:{*}").WithCancellation(cancellationToken))
        {
            if (Rewrap.StudentOf(key) is { } student && (byte[]?)await db.StringGetAsync(key) is { } value)
            {
                total += await Rewrap.OneAsync(
                    () => cipher.IsCurrent(value) ? null : cipher.Seal(store.Open(student, value)!, key.ToString()),
                    replacement => Rewrap.SetIfUnchangedAsync(db, key, value, replacement));
            }
        }

        await foreach (var key in RedisScan.KeysAsync(redis, "ob:{*}").WithCancellation(cancellationToken))
        {
            if (Rewrap.StudentOf(key) is { } student && (byte[]?)await db.StringGetAsync(key) is { } value)
            {
                total += await Rewrap.OneAsync(
                    () => OutboxCodec.Reseal(value, cipher, student),
                    replacement => Rewrap.SetIfUnchangedAsync(db, key, value, replacement));
            }
        }

        return total;
    }
}
