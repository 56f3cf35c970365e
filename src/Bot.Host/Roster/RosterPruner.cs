using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Roster;

/// <summary>
/// Hourly (<see cref="IndexPruning"/>): students whose record is gone (expired after the retention period) leave the
/// roster, and tombstones of students who erased themselves are dropped after a day.
/// </summary>
public sealed class RosterPruner(IConnectionMultiplexer redis, StudentRoster roster) : IIndexPruner
{
    private static readonly TimeSpan TombstoneLifetime = TimeSpan.FromDays(1);

    public async Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var cutoff = (now - TombstoneLifetime).ToUnixTimeMilliseconds();
        var pruned = (await Task.WhenAll(Enumerable.Range(0, RosterKeys.ShardCount)
            .Select(shard => db.SortedSetRemoveRangeByScoreAsync(RosterKeys.Key(shard, "gone"), double.NegativeInfinity, cutoff)))).Sum();
        return pruned + await RemoveGoneAsync(redis, roster, cancellationToken);
    }

    /// <summary>Every shard's entries whose student has no record any more are removed (pipelined EXISTS, a page at a time).</summary>
    public static async Task<long> RemoveGoneAsync(IConnectionMultiplexer redis, StudentRoster roster, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        long removed = 0;
        for (var shard = 0; shard < RosterKeys.ShardCount; shard++)
        {
            var members = new List<StudentKey>();
            await foreach (var entry in db.HashScanAsync(RosterKeys.Summaries(shard), pageSize: 500).WithCancellation(cancellationToken))
            {
                if (StudentRecords.Parse(entry.Name.ToString()) is { } student)
                {
                    members.Add(student);
                }
            }

            var gone = await StudentRecords.GoneAsync(db, members);
            await Task.WhenAll(gone.Select(roster.ForgetAsync));
            removed += gone.Count;
        }

        return removed;
    }
}
