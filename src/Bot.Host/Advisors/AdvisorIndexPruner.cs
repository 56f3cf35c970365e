using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Advisors;

/// <summary>
/// <c>adv:threads</c>: a thread silent longer than its messages live, or of a student who is gone, leaves the inbox;
/// <c>students:blocked</c> and the reminders' <c>{rm}:blocked</c> forget students who are gone.
/// </summary>
public sealed class AdvisorIndexPruner(IConnectionMultiplexer redis) : IIndexPruner
{
    public async Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var pruned = await db.SortedSetRemoveRangeByScoreAsync(AdvisorInbox.OpenThreads, double.NegativeInfinity, (now - AdvisorInbox.ThreadLifetime).ToUnixTimeMilliseconds());
        var open = (await db.SortedSetRangeByRankAsync(AdvisorInbox.OpenThreads)).Select(v => StudentRecords.Parse(v.ToString())).OfType<StudentKey>();
        var gone = await StudentRecords.GoneAsync(db, open);
        if (gone.Count > 0)
        {
            pruned += await db.SortedSetRemoveAsync(AdvisorInbox.OpenThreads, [.. gone.Select(s => (RedisValue)s.ToString())]);
        }

        pruned += await StudentRecords.PruneSetAsync(db, StudentDirectory.BlockedSet, StudentRecords.Parse);
        pruned += await StudentRecords.PruneSetAsync(db, Reminders.ReminderStore.Blocked, StudentRecords.Parse);
        return pruned;
    }
}
