using System.Globalization;
using StackExchange.Redis;

namespace Bot.Host.Broadcasts;

/// <summary>
/// Broadcast jobs in Redis: a hash per job, a pending set and an in-flight hash per channel, a results hash
/// (recipient → sent/failed/blocked), <c>bc:due</c> (jobs to run, by due time) and <c>bc:list</c> (all, newest first).
/// </summary>
public sealed class BroadcastStore(IConnectionMultiplexer redis) : Conversation.IStudentDataEraser
{
    public static readonly RedisKey Due = "bc:due";
    public static readonly RedisKey List = "bc:list";

    /// <summary>How long a job's keys live after it was created.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    public static RedisKey JobKey(string id) => $"bc:{{{id}}}";

    public static RedisKey PendingKey(string id, string channel) => $"bc:{{{id}}}:pending:{channel}";

    public static RedisKey InflightKey(string id, string channel) => $"bc:{{{id}}}:inflight:{channel}";

    public static RedisKey ResultsKey(string id) => $"bc:{{{id}}}:results";

    private IDatabase Db => redis.GetDatabase();

    public async Task CreateAsync(BroadcastJob job, IReadOnlyDictionary<string, List<string>> recipients, IReadOnlyCollection<(string Member, string Channel)> blocked)
    {
        var db = Db;
        var fields = new List<HashEntry>
        {
            new("text", job.Text), new("filter", job.Filter), new("createdBy", job.CreatedBy),
            new("createdAt", job.CreatedAt.ToUnixTimeMilliseconds()), new("dueAt", job.DueAt.ToUnixTimeMilliseconds()),
            new("status", job.Status.ToString()),
        };
        foreach (var channel in AudienceFilter.BroadcastChannels)
        {
            var count = recipients.TryGetValue(channel, out var r) ? r.Count : 0;
            fields.Add(new($"{channel}:audience", count + blocked.Count(b => b.Channel == channel)));
            fields.Add(new($"{channel}:blocked", blocked.Count(b => b.Channel == channel)));
        }

        await db.HashSetAsync(JobKey(job.Id), [.. fields]);
        foreach (var (channel, members) in recipients)
        {
            foreach (var chunk in members.Chunk(1000))
            {
                await db.SetAddAsync(PendingKey(job.Id, channel), [.. chunk.Select(m => (RedisValue)m)]);
            }
        }

        if (blocked.Count > 0)
        {
            await db.HashSetAsync(ResultsKey(job.Id), [.. blocked.Select(b => new HashEntry(b.Member, "blocked"))]);
        }

        foreach (var key in AllKeys(job.Id))
        {
            await db.KeyExpireAsync(key, Lifetime);
        }

        await db.SortedSetAddAsync(List, job.Id, job.CreatedAt.ToUnixTimeMilliseconds());
    }

    /// <summary>Draft → Scheduled (only from a draft: a second confirmation, or one after a cancel, does nothing).</summary>
    public async Task<bool> ScheduleAsync(string id, DateTimeOffset? dueAt)
    {
        if (!await TransitionAsync(id, [BroadcastStatus.Draft], BroadcastStatus.Scheduled, dueAt))
        {
            return false;
        }

        // Not in the same script: bc:due is shared by all jobs (another cluster slot). A cancel that slips in between
        // leaves a due entry for a cancelled job, which the runner drops when it meets it.
        var due = (long)await Db.HashGetAsync(JobKey(id), "dueAt");
        await Db.SortedSetAddAsync(Due, id, due);
        return true;
    }

    /// <summary>Draft or Scheduled → Cancelled; false once the job has started (or ended).</summary>
    public async Task<bool> CancelAsync(string id)
    {
        if (!await TransitionAsync(id, [BroadcastStatus.Draft, BroadcastStatus.Scheduled], BroadcastStatus.Cancelled, null))
        {
            return false;
        }

        await Db.SortedSetRemoveAsync(Due, id);
        return true;
    }

    /// <summary>Scheduled → Running, for the runner; false when it was cancelled meanwhile.</summary>
    public Task<bool> StartAsync(string id) => TransitionAsync(id, [BroadcastStatus.Scheduled], BroadcastStatus.Running, null);

    /// <summary>A due entry of a job that will not run (cancelled, finished).</summary>
    public Task UnscheduleAsync(string id) => Db.SortedSetRemoveAsync(Due, id);

    private async Task<bool> TransitionAsync(string id, BroadcastStatus[] from, BroadcastStatus to, DateTimeOffset? dueAt) =>
        (long)await Db.ScriptEvaluateAsync(BroadcastScripts.Transition, new
        {
            job = JobKey(id),
            from = string.Join(',', from),
            to = to.ToString(),
            dueAt = dueAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        }) == 1;

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now) =>
        [.. (await Db.SortedSetRangeByScoreAsync(Due, double.NegativeInfinity, now.ToUnixTimeMilliseconds())).Select(v => v.ToString())];

    /// <summary>True for exactly one caller: the one that finishes the job (and so sends the report).</summary>
    public async Task<bool> FinishAsync(string id, DateTimeOffset now)
    {
        var db = Db;
        if (!await db.HashSetAsync(JobKey(id), "finishedAt", now.ToUnixTimeMilliseconds(), When.NotExists))
        {
            return false;
        }

        await db.HashSetAsync(JobKey(id), "status", nameof(BroadcastStatus.Done));
        await db.SortedSetRemoveAsync(Due, id);
        return true;
    }

    public async Task<string[]> ClaimAsync(string id, string channel, int count, DateTimeOffset now) =>
        (string[])(await Db.ScriptEvaluateAsync(BroadcastScripts.Claim, new
        {
            pending = PendingKey(id, channel),
            inflight = InflightKey(id, channel),
            count,
            now = now.ToUnixTimeMilliseconds(),
        }))!;

    public Task RecordAsync(string id, string channel, string member, string outcome) =>
        Db.ScriptEvaluateAsync(BroadcastScripts.Record, new
        {
            inflight = InflightKey(id, channel),
            results = ResultsKey(id),
            job = JobKey(id),
            member,
            outcome,
            counter = $"{channel}:{outcome}",
        });

    /// <summary>Gives back claims older than <paramref name="olderThan"/> (all of them with <see cref="DateTimeOffset.MaxValue"/>).</summary>
    public async Task<long> RequeueAsync(string id, string channel, DateTimeOffset olderThan) =>
        (long)await Db.ScriptEvaluateAsync(BroadcastScripts.Requeue, new
        {
            inflight = InflightKey(id, channel),
            pending = PendingKey(id, channel),
            results = ResultsKey(id),
            olderThan = olderThan == DateTimeOffset.MaxValue ? long.MaxValue : olderThan.ToUnixTimeMilliseconds(),
        });

    public async Task<long> ReleaseAsync(string id, string channel, IReadOnlyList<string> members) =>
        members.Count == 0 ? 0 : (long)await Db.ScriptEvaluateAsync(BroadcastScripts.Release, new
        {
            inflight = InflightKey(id, channel),
            pending = PendingKey(id, channel),
            results = ResultsKey(id),
            members = System.Text.Json.JsonSerializer.Serialize(members),
        });

    /// <summary>Claimed recipients who will not be sent to at all (deleted meanwhile): out of the job, no result names them.</summary>
    public Task DropAsync(string id, string channel, IReadOnlyList<string> members) =>
        members.Count == 0 ? Task.CompletedTask : Db.HashDeleteAsync(InflightKey(id, channel), [.. members.Select(m => (RedisValue)m)]);

    public async Task<bool> IsDrainedAsync(string id)
    {
        var db = Db;
        foreach (var channel in AudienceFilter.BroadcastChannels)
        {
            if (await db.SetLengthAsync(PendingKey(id, channel)) > 0 || await db.HashLengthAsync(InflightKey(id, channel)) > 0)
            {
                return false;
            }
        }

        return true;
    }

    public async Task<BroadcastJob?> GetAsync(string id)
    {
        var entries = await Db.HashGetAllAsync(JobKey(id));
        if (entries.Length == 0)
        {
            return null;
        }

        var h = entries.ToDictionary(e => e.Name.ToString(), e => e.Value);
        long N(string name) => h.TryGetValue(name, out var v) && !v.IsNull ? (long)v : 0;
        DateTimeOffset T(string name) => DateTimeOffset.FromUnixTimeMilliseconds(N(name));
        var channels = AudienceFilter.BroadcastChannels
            .Select(c => new ChannelReport(c, N($"{c}:audience"), N($"{c}:sent"), N($"{c}:failed"), N($"{c}:blocked")))
            .ToList();
        return new BroadcastJob(
            id,
            h["text"].ToString(),
            h["filter"].ToString(),
            h["createdBy"].ToString(),
            T("createdAt"),
            T("dueAt"),
            Enum.Parse<BroadcastStatus>(h["status"].ToString()),
            h.ContainsKey("finishedAt") ? T("finishedAt") : null,
            channels);
    }

    public async Task<IReadOnlyList<BroadcastJob>> RecentAsync(int count = 50)
    {
        var ids = await Db.SortedSetRangeByRankAsync(List, 0, count - 1, Order.Descending);
        var jobs = new List<BroadcastJob>();
        foreach (var id in ids)
        {
            if (await GetAsync(id.ToString()) is { } job)
            {
                jobs.Add(job);
            }
        }

        return jobs;
    }

    public async Task<IReadOnlyDictionary<string, string>> ResultsAsync(string id) =>
        (await Db.HashGetAllAsync(ResultsKey(id))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// /delete: the student leaves every job's pending set, in-flight claims and results, so a scheduled broadcast never
    /// reaches them and no report names them (jobs live 60 days; <c>bc:list</c> holds them all).
    /// </summary>
    public async Task EraseAsync(Storage.StudentKey student, CancellationToken cancellationToken)
    {
        var db = Db;
        var member = student.ToString();
        var ids = await db.SortedSetRangeByRankAsync(List);
        var batch = db.CreateBatch();
        var removals = new List<Task>();
        foreach (var id in ids.Select(i => i.ToString()))
        {
            removals.Add(batch.SetRemoveAsync(PendingKey(id, student.Channel), member));
            removals.Add(batch.HashDeleteAsync(InflightKey(id, student.Channel), member));
            removals.Add(batch.HashDeleteAsync(ResultsKey(id), member));
        }

        batch.Execute();
        await Task.WhenAll(removals);
    }

    private static IEnumerable<RedisKey> AllKeys(string id) =>
        AudienceFilter.BroadcastChannels.SelectMany(c => new[] { PendingKey(id, c), InflightKey(id, c) }).Append(JobKey(id)).Append(ResultsKey(id));

    public static string NewId(DateTimeOffset now) =>
        now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
}
