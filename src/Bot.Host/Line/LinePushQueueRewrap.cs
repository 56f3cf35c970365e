using Bot.Host.Advisors;
using Bot.Host.Storage.Encryption;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Line;

/// <summary>Replies waiting for a LINE push (<c>lpq:{…}</c> and their plans) re-encrypted with the active key.</summary>
public sealed class LinePushQueueRewrap(IConnectionMultiplexer redis, StorageCipher cipher) : IStorageRewrapper
{
    public string Name => "LINE push queues";

    public async Task<RewrapCount> RewrapAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var total = new RewrapCount();
        await foreach (var key in RedisScan.KeysAsync(redis, "lpq:{*").WithCancellation(cancellationToken))
        {
            if (!key.ToString().EndsWith(":plan", StringComparison.Ordinal))
            {
                total += await ListItems.RewrapAsync(db, key, cipher);
            }
            else if ((byte[]?)await db.StringGetAsync(key) is { } plan)
            {
                total += await Rewrap.OneAsync(
                    () => cipher.IsCurrent(plan) ? null : cipher.Seal(cipher.OpenOrPlain(plan, key.ToString())!, key.ToString()),
                    replacement => Rewrap.SetIfUnchangedAsync(db, key, plan, replacement));
            }
        }

        return total;
    }
}
