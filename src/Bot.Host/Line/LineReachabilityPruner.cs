using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Line;

/// <summary><c>line:unreachable</c>: the mark of a user whose record has expired (or was deleted) goes with it.</summary>
public sealed class LineReachabilityPruner(IConnectionMultiplexer redis) : IIndexPruner
{
    public Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        StudentRecords.PruneSetAsync(redis.GetDatabase(), LineReachability.Unreachable, userId => new StudentKey(LineEventMapper.Channel, userId));
}
