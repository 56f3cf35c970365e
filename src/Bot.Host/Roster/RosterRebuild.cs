using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Roster;

/// <summary>
/// Builds the roster from the records, for a deployment whose records were written before the roster existed (or after an
/// admin asks for it): when <see cref="RosterKeys.Built"/> does not hold the current <see cref="Version"/>, one host (a Redis
/// lock, renewed as it goes) walks the <c>students</c> index with ZSCAN, reads the records in pipelined pages through
/// <see cref="StudentDirectory"/>, writes each entry (an older record never replaces a newer entry, so turns running
/// meanwhile win), takes out students whose record is gone, and marks the roster built. Idempotent: run it again and the
/// roster is the same. Every host looks every 30 seconds, so a request from any host is picked up by one of them.
/// </summary>
public sealed class RosterRebuild(
    IConnectionMultiplexer redis,
    StudentDirectory directory,
    StudentRoster roster,
    TimeProvider time,
    ILogger<RosterRebuild> logger) : BackgroundService
{
    /// <summary>The roster's layout; a change that needs the entries written again bumps it.</summary>
    /// <summary>2: the <c>name</c> sorted set no longer holds a score made of the name (every entry is rewritten with 0).</summary>
    public const int Version = 2;

    private const int Page = 500;
    private static readonly TimeSpan Look = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LockLifetime = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Compare-and-delete / compare-and-extend of the lock: only its holder touches it.</summary>
    private const string Renew = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        if ARGV[2] == '0' then return redis.call('DEL', KEYS[1]) end
        return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        """;

    /// <summary>Marks the roster for a rebuild (an admin's button); this host starts at once, any other within 30 s.</summary>
    public async Task RequestAsync()
    {
        await redis.GetDatabase().KeyDeleteAsync(RosterKeys.Built);
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    /// <summary>Whether the roster is built, and the last rebuild's progress (state, done, total, at).</summary>
    public async Task<(bool Built, IReadOnlyDictionary<string, string> Progress)> StatusAsync()
    {
        var db = redis.GetDatabase();
        var built = db.StringGetAsync(RosterKeys.Built);
        var progress = db.HashGetAllAsync(RosterKeys.RebuildProgress);
        return ((int?)await built == Version, (await progress).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if ((int?)await redis.GetDatabase().StringGetAsync(RosterKeys.Built) != Version)
                {
                    await TryRebuildAsync(stoppingToken);
                }

                backoff = TimeSpan.FromSeconds(1);
                await WaitAsync(Look, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                RosterLog.RebuildFailed(logger, e);
                await WaitAsync(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, Look.Ticks));
            }
        }
    }

    private async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var woken = wake.WaitAsync(both.Token);
            await Task.WhenAny(woken, Task.Delay(timeout, time, both.Token));
            await both.CancelAsync();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The loser of the two waits.
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Rebuilds if this host gets the lock; another host holding it is already doing the work.</summary>
    internal async Task TryRebuildAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var token = Environment.MachineName + ":" + Guid.NewGuid().ToString("N");
        if (!await db.StringSetAsync(RosterKeys.RebuildLock, token, LockLifetime, When.NotExists))
        {
            return;
        }

        try
        {
            var total = await db.SortedSetLengthAsync(StudentStore.StudentsIndex);
            RosterLog.RebuildStarted(logger, total);
            await Progress(db, "running", 0, total);
            long done = 0, written = 0;
            var page = new List<StudentKey>(Page);
            await foreach (var member in db.SortedSetScanAsync(StudentStore.StudentsIndex, pageSize: Page).WithCancellation(cancellationToken))
            {
                if (StudentKey.TryParse(member.Element.ToString(), out var student) && StudentRoster.Keeps(student))
                {
                    page.Add(student);
                }

                if (page.Count == Page)
                {
                    written += await WritePageAsync(page);
                    done += page.Count;
                    page.Clear();
                    await KeepLockAsync(db, token, done, total);
                }
            }

            written += await WritePageAsync(page);
            done += page.Count;
            var removed = await RosterPruner.RemoveGoneAsync(redis, roster, cancellationToken);
            await db.StringSetAsync(RosterKeys.Built, Version);
            await Progress(db, "done", done, total);
            RosterLog.Rebuilt(logger, written, total, removed);
        }
        finally
        {
            await db.ScriptEvaluateAsync(Renew, [RosterKeys.RebuildLock], [token, "0"]);
        }
    }

    private async Task<long> WritePageAsync(List<StudentKey> page)
    {
        if (page.Count == 0)
        {
            return 0;
        }

        var records = await directory.ReadRecordsAsync(page);
        var writes = new List<Task>(page.Count);
        for (var i = 0; i < page.Count; i++)
        {
            if (records[i] is not { } record)
            {
                writes.Add(roster.ForgetAsync(page[i]));
                continue;
            }

            try
            {
                writes.Add(roster.WriteAsync(page[i], StudentStateJson.Deserialize(record)));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
            {
                RosterLog.Unreadable(logger, page[i].Channel, e);
            }
        }

        await Task.WhenAll(writes);
        return writes.Count;
    }

    private async Task KeepLockAsync(IDatabase db, string token, long done, long total)
    {
        if ((long)await db.ScriptEvaluateAsync(Renew, [RosterKeys.RebuildLock], [token, (long)LockLifetime.TotalMilliseconds]) != 1)
        {
            throw new InvalidOperationException("The roster rebuild lost its lock (it paused longer than the lock lives); another host carries on.");
        }

        await Progress(db, "running", done, total);
    }

    private Task Progress(IDatabase db, string state, long done, long total) => db.HashSetAsync(RosterKeys.RebuildProgress,
    [
        new("state", state),
        new("done", done),
        new("total", total),
        new("at", time.GetUtcNow().ToUnixTimeMilliseconds()),
    ]);
}
