using System.Globalization;
using StackExchange.Redis;

namespace Bot.Host.Broadcasts;

/// <summary>
/// Broadcast jobs in Redis: a hash per job, a pending set and an in-flight hash per group (channel, or channel and
/// language for per-language texts), a results hash (recipient → sent/failed/blocked), <c>bc:due</c> (jobs to run, by
/// due time) and <c>bc:list</c> (all, newest first). All of a job's keys share its hash tag.
/// </summary>
public sealed class BroadcastStore(IConnectionMultiplexer redis) : Conversation.IStudentDataEraser
{
    public static readonly RedisKey Due = "bc:due";
    public static readonly RedisKey List = "bc:list";

    /// <summary>How long a job's keys live after it was created.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    public static RedisKey JobKey(string id) => $"bc:{{{id}}}";

    /// <summary>A group's pending recipients: <c>bc:{id}:pending:tg</c> for one text to all (as before per-language texts), <c>…:pending:tg:vi</c> per language.</summary>
    public static RedisKey PendingKey(string id, AudienceGroup group) => $"bc:{{{id}}}:pending:{GroupSuffix(group)}";

    public static RedisKey InflightKey(string id, AudienceGroup group) => $"bc:{{{id}}}:inflight:{GroupSuffix(group)}";

    public static RedisKey ResultsKey(string id) => $"bc:{{{id}}}:results";

    private static string GroupSuffix(AudienceGroup group) =>
        group.Language == BroadcastTexts.Everyone ? group.Channel : group.Channel + ":" + group.Language;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Recipients of a job still being created (its hash is written last, by <see cref="CreateAsync"/>).</summary>
    public Task AddRecipientsAsync(string id, AudienceGroup group, IReadOnlyList<string> members) =>
        Db.SetAddAsync(PendingKey(id, group), [.. members.Select(m => (RedisValue)m)]);

    /// <summary>Students of the audience who blocked the bot: counted as blocked, never tried.</summary>
    public Task AddBlockedAsync(string id, IReadOnlyList<string> members) =>
        Db.HashSetAsync(ResultsKey(id), [.. members.Select(m => new HashEntry(m, "blocked"))]);

    /// <summary>Writes the job (after its recipients), so it is only ever seen complete; every key expires after <see cref="Lifetime"/>.</summary>
    public async Task CreateAsync(BroadcastJob job, IReadOnlyList<GroupCount> counts)
    {
        var db = Db;
        var fields = new List<HashEntry>
        {
            new("text", job.Text), new("filter", job.Filter), new("createdBy", job.CreatedBy),
            new("createdAt", job.CreatedAt.ToUnixTimeMilliseconds()), new("dueAt", job.DueAt.ToUnixTimeMilliseconds()),
            new("status", job.Status.ToString()),
            new("groups", string.Join(',', job.Groups)),
            new("urgent", job.Urgent ? "1" : "0"),
            new("scope", job.Scope is null ? string.Empty : string.Join(',', job.Scope)),
        };
        if (!job.Texts.IsSingle)
        {
            fields.AddRange(job.Texts.Texts.Select(t => new HashEntry("text:" + t.Key, t.Value)));
            if (job.Texts.Fallback is { } fallback)
            {
                fields.Add(new("fallback", fallback));
            }
        }

        foreach (var channel in AudienceFilter.BroadcastChannels)
        {
            fields.Add(new($"{channel}:audience", counts.Where(c => c.Group.Channel == channel).Sum(c => c.Students)));
            fields.Add(new($"{channel}:blocked", counts.Where(c => c.Group.Channel == channel).Sum(c => c.Blocked)));
        }

        await db.HashSetAsync(JobKey(job.Id), [.. fields]);
        await Task.WhenAll(AllKeys(job.Id, job.Groups).Select(key => db.KeyExpireAsync(key, Lifetime)));
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

    /// <summary>A job that may not run now (night, not urgent) waits in the schedule until <paramref name="dueAt"/>.</summary>
    public async Task PostponeAsync(string id, DateTimeOffset dueAt)
    {
        await Db.HashSetAsync(JobKey(id), "dueAt", dueAt.ToUnixTimeMilliseconds());
        await Db.SortedSetAddAsync(Due, id, dueAt.ToUnixTimeMilliseconds());
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

    public async Task<string[]> ClaimAsync(string id, AudienceGroup group, int count, DateTimeOffset now) =>
        (string[])(await Db.ScriptEvaluateAsync(BroadcastScripts.Claim, new
        {
            pending = PendingKey(id, group),
            inflight = InflightKey(id, group),
            count,
            now = now.ToUnixTimeMilliseconds(),
        }))!;

    public Task RecordAsync(string id, AudienceGroup group, string member, string outcome) =>
        Db.ScriptEvaluateAsync(BroadcastScripts.Record, new
        {
            inflight = InflightKey(id, group),
            results = ResultsKey(id),
            job = JobKey(id),
            member,
            outcome,
            counter = $"{group.Channel}:{outcome}",
        });

    /// <summary>Gives back claims older than <paramref name="olderThan"/> (all of them with <see cref="DateTimeOffset.MaxValue"/>).</summary>
    public async Task<long> RequeueAsync(string id, AudienceGroup group, DateTimeOffset olderThan) =>
        (long)await Db.ScriptEvaluateAsync(BroadcastScripts.Requeue, new
        {
            inflight = InflightKey(id, group),
            pending = PendingKey(id, group),
            results = ResultsKey(id),
            olderThan = olderThan == DateTimeOffset.MaxValue ? long.MaxValue : olderThan.ToUnixTimeMilliseconds(),
        });

    public async Task<long> ReleaseAsync(string id, AudienceGroup group, IReadOnlyList<string> members) =>
        members.Count == 0 ? 0 : (long)await Db.ScriptEvaluateAsync(BroadcastScripts.Release, new
        {
            inflight = InflightKey(id, group),
            pending = PendingKey(id, group),
            results = ResultsKey(id),
            members = System.Text.Json.JsonSerializer.Serialize(members),
        });

    /// <summary>Claimed recipients who will not be sent to at all (deleted meanwhile): out of the job, no result names them.</summary>
    public Task DropAsync(string id, AudienceGroup group, IReadOnlyList<string> members) =>
        members.Count == 0 ? Task.CompletedTask : Db.HashDeleteAsync(InflightKey(id, group), [.. members.Select(m => (RedisValue)m)]);

    public async Task<bool> IsDrainedAsync(BroadcastJob job)
    {
        var db = Db;
        foreach (var group in job.Groups)
        {
            if (await db.SetLengthAsync(PendingKey(job.Id, group)) > 0 || await db.HashLengthAsync(InflightKey(job.Id, group)) > 0)
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
        string? S(string name) => h.TryGetValue(name, out var v) && !v.IsNullOrEmpty ? v.ToString() : null;
        var channels = AudienceFilter.BroadcastChannels
            .Select(c => new ChannelReport(c, N($"{c}:audience"), N($"{c}:sent"), N($"{c}:failed"), N($"{c}:blocked")))
            .ToList();
        var perLanguage = h.Where(e => e.Key.StartsWith("text:", StringComparison.Ordinal)).ToDictionary(e => e.Key[5..], e => e.Value.ToString(), StringComparer.Ordinal);
        var text = h["text"].ToString();
        return new BroadcastJob(
            id,
            text,
            h["filter"].ToString(),
            h["createdBy"].ToString(),
            T("createdAt"),
            T("dueAt"),
            Enum.Parse<BroadcastStatus>(h["status"].ToString()),
            h.ContainsKey("finishedAt") ? T("finishedAt") : null,
            channels)
        {
            // Jobs stored before per-language texts, urgency and scopes have none of these fields: one text, all schools, not urgent.
            Texts = perLanguage.Count > 0 ? new BroadcastTexts(perLanguage, S("fallback")) : BroadcastTexts.ForEveryone(text),
            Urgent = S("urgent") == "1",
            Scope = S("scope")?.Split(',', StringSplitOptions.RemoveEmptyEntries),
            Groups = S("groups") is { } groups ? [.. groups.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(AudienceGroup.Parse)]
                : [.. AudienceFilter.BroadcastChannels.Select(c => new AudienceGroup(c, BroadcastTexts.Everyone))],
        };
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
    /// /delete: the student leaves every job's pending sets and in-flight claims (every language group of their channel)
    /// and its results, so a scheduled broadcast never reaches them and no report names them (jobs live 60 days;
    /// <c>bc:list</c> holds them all).
    /// </summary>
    public async Task EraseAsync(Storage.StudentKey student, CancellationToken cancellationToken)
    {
        var db = Db;
        var member = student.ToString();
        var ids = await db.SortedSetRangeByRankAsync(List);
        var groups = Bot.Dialogs.Messages.Languages.All.Select(l => l.Code()).Prepend(BroadcastTexts.Everyone).Select(l => new AudienceGroup(student.Channel, l)).ToList();
        var batch = db.CreateBatch();
        var removals = new List<Task>();
        foreach (var id in ids.Select(i => i.ToString()))
        {
            foreach (var group in groups)
            {
                removals.Add(batch.SetRemoveAsync(PendingKey(id, group), member));
                removals.Add(batch.HashDeleteAsync(InflightKey(id, group), member));
            }

            removals.Add(batch.HashDeleteAsync(ResultsKey(id), member));
        }

        batch.Execute();
        await Task.WhenAll(removals);
    }

    private static IEnumerable<RedisKey> AllKeys(string id, IEnumerable<AudienceGroup> groups) =>
        groups.SelectMany(g => new[] { PendingKey(id, g), InflightKey(id, g) }).Append(JobKey(id)).Append(ResultsKey(id));

    public static string NewId(DateTimeOffset now) =>
        now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
}
