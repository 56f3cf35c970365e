using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Storage;

/// <summary>
/// <c>students</c>: an entry silent for longer than the retention period whose record has expired leaves the index
/// (a record kept alive by something else, e.g. an advisor's edit, keeps its entry).
/// </summary>
public sealed class StudentsIndexPruner(IConnectionMultiplexer redis, IOptions<StorageOptions> options) : IIndexPruner
{
    public async Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();

        // The index is refreshed at most hourly, the record's expiry at every save: a day's margin covers the difference.
        var cutoff = (now - TimeSpan.FromDays(options.Value.RetentionDays + 1)).ToUnixTimeSeconds();
        var old = (await db.SortedSetRangeByScoreAsync(StudentStore.StudentsIndex, double.NegativeInfinity, cutoff))
            .Select(v => StudentRecords.Parse(v.ToString())).OfType<StudentKey>();
        var gone = await StudentRecords.GoneAsync(db, old);
        return gone.Count == 0 ? 0 : await db.SortedSetRemoveAsync(StudentStore.StudentsIndex, [.. gone.Select(s => (RedisValue)s.ToString())]);
    }
}
