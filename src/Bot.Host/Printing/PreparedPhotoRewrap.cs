using Bot.Host.Storage;
using Bot.Host.Storage.Encryption;
using StackExchange.Redis;

namespace Bot.Host.Printing;

/// <summary>The kept ID photos (<c>photo:{…}</c>) re-encrypted with the active key.</summary>
public sealed class PreparedPhotoRewrap(IConnectionMultiplexer redis, PreparedPhotoStore photos, StorageCipher cipher) : IStorageRewrapper
{
    public string Name => "prepared photos";

    public async Task<RewrapCount> RewrapAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var total = new RewrapCount();
        await foreach (var key in RedisScan.KeysAsync(redis, "photo:*").WithCancellation(cancellationToken))
        {
            if (Rewrap.StudentOf(key) is not { } student || (byte[]?)await db.StringGetAsync(key) is not { } sealedValue)
            {
                continue;
            }

            total += await Rewrap.OneAsync(
                () => cipher.IsCurrent(sealedValue) ? null : photos.Seal(student, photos.Open(student, sealedValue)),
                replacement => Rewrap.SetIfUnchangedAsync(db, key, sealedValue, replacement));
        }

        return total;
    }
}
