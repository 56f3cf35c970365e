using StackExchange.Redis;

namespace Bot.Host.Line;

/// <summary>
/// LINE users who unfollowed (blocked) the account: pushes to them are skipped, their data is kept until they
/// ask to delete it or it expires. Following again removes the mark.
/// </summary>
public sealed class LineReachability(IConnectionMultiplexer redis)
{
    public static readonly RedisKey Unreachable = "line:unreachable";

    public Task MarkUnreachableAsync(string userId) => redis.GetDatabase().SetAddAsync(Unreachable, userId);

    public Task MarkReachableAsync(string userId) => redis.GetDatabase().SetRemoveAsync(Unreachable, userId);

    public Task<bool> IsUnreachableAsync(string userId) => redis.GetDatabase().SetContainsAsync(Unreachable, userId);
}
