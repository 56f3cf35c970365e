using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Broadcasts;

/// <summary><c>bc:list</c>: a job whose keys have expired (<see cref="BroadcastStore.Lifetime"/> after it was created) leaves the list.</summary>
public sealed class BroadcastListPruner(IConnectionMultiplexer redis) : IIndexPruner
{
    public async Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var old = await db.SortedSetRangeByScoreAsync(BroadcastStore.List, double.NegativeInfinity, (now - BroadcastStore.Lifetime).ToUnixTimeMilliseconds());
        var exists = await Task.WhenAll(old.Select(id => db.KeyExistsAsync(BroadcastStore.JobKey(id.ToString()))));
        var gone = old.Where((_, i) => !exists[i]).ToArray();
        return gone.Length == 0 ? 0 : await db.SortedSetRemoveAsync(BroadcastStore.List, gone);
    }
}
