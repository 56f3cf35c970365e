using StackExchange.Redis;

namespace Bot.Host.Storage;

/// <summary>
/// A Redis key shared by many students (an index, a set of marks) that would otherwise grow for ever: entries of
/// students whose record has expired, or of things that expired themselves. Each feature prunes its own.
/// </summary>
public interface IIndexPruner
{
    /// <summary>Removes what is stale at <paramref name="now"/>; returns how many entries went.</summary>
    Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Helpers for pruners: which students no longer have a record (expired after the retention period, or deleted).</summary>
public static class StudentRecords
{
    /// <summary>Pipelined EXISTS, a page at a time (records live in different cluster slots).</summary>
    public static async Task<IReadOnlyList<StudentKey>> GoneAsync(IDatabase db, IEnumerable<StudentKey> students)
    {
        var gone = new List<StudentKey>();
        foreach (var page in students.Chunk(500))
        {
            var exists = await Task.WhenAll(page.Select(s => db.KeyExistsAsync(StudentStore.RecordKey(s))));
            gone.AddRange(page.Where((_, i) => !exists[i]));
        }

        return gone;
    }

    /// <summary>Members of a set of student marks whose student is gone (<paramref name="keyOf"/>: member → student; null: not a student).</summary>
    public static async Task<long> PruneSetAsync(IDatabase db, RedisKey set, Func<string, StudentKey?> keyOf)
    {
        var members = new List<(RedisValue Member, StudentKey Student)>();
        await foreach (var member in db.SetScanAsync(set, pageSize: 500))
        {
            if (keyOf(member.ToString()) is { } student)
            {
                members.Add((member, student));
            }
        }

        var gone = (await GoneAsync(db, members.Select(m => m.Student))).ToHashSet();
        var remove = members.Where(m => gone.Contains(m.Student)).Select(m => m.Member).ToArray();
        return remove.Length == 0 ? 0 : await db.SetRemoveAsync(set, remove);
    }

    public static StudentKey? Parse(string value) => StudentKey.TryParse(value, out var student) ? student : null;
}

/// <summary>
/// Runs every <see cref="IIndexPruner"/> soon after start and then once an hour, on one host at a time (a Redis lock
/// held for the hour, so restarts and many hosts do not multiply the work), looking at the clock every 30 seconds.
/// </summary>
public sealed class IndexPruning(
    IEnumerable<IIndexPruner> pruners,
    IConnectionMultiplexer redis,
    TimeProvider time,
    ILogger<IndexPruning> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private static readonly TimeSpan Look = TimeSpan.FromSeconds(30);
    private static readonly RedisKey Lock = "prune:lock";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var next = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Look, time, stoppingToken);
                var now = time.GetUtcNow();
                if (now < next)
                {
                    continue;
                }

                next = now + Every;
                if (await redis.GetDatabase().StringSetAsync(Lock, Environment.MachineName, Every - Look, When.NotExists))
                {
                    foreach (var pruner in pruners)
                    {
                        StorageLog.Pruned(logger, pruner.GetType().Name, await pruner.PruneAsync(now, stoppingToken));
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Redis is away (or a pruner failed): the next hour tries again; the host keeps running.
                StorageLog.PruneFailed(logger, e);
            }
        }
    }
}
