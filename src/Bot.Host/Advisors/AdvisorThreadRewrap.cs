using Bot.Host.Storage.Encryption;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Advisors;

/// <summary>Advisor threads (<c>adv:msgs:{…}</c>), message by message, re-encrypted with the active key.</summary>
public sealed class AdvisorThreadRewrap(IConnectionMultiplexer redis, StorageCipher cipher) : IStorageRewrapper
{
    public string Name => "advisor threads";

    public async Task<RewrapCount> RewrapAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var total = new RewrapCount();
        await foreach (var key in RedisScan.KeysAsync(redis, "adv:msgs:{*}").WithCancellation(cancellationToken))
        {
            total += await ListItems.RewrapAsync(db, key, cipher);
        }

        return total;
    }
}

/// <summary>Every item of a list whose items are sealed with the list's key as context (threads, LINE push queues).</summary>
public static class ListItems
{
    public static async Task<RewrapCount> RewrapAsync(IDatabase db, RedisKey key, StorageCipher cipher)
    {
        var total = new RewrapCount();
        var items = await db.ListRangeAsync(key);
        for (var i = 0; i < items.Length; i++)
        {
            var item = (byte[])items[i]!;
            var index = i;
            total += await Rewrap.OneAsync(
                () => cipher.IsCurrent(item) ? null : cipher.Seal(cipher.OpenOrPlain(item, key.ToString())!, key.ToString()),
                replacement => Rewrap.SetItemIfUnchangedAsync(db, key, index, item, replacement));
        }

        return total;
    }
}
