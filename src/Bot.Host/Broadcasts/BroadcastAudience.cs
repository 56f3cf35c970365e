using Bot.Dialogs.Reminders;
using Bot.Host.Advisors;
using Bot.Host.Roster;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Broadcasts;

/// <summary>How many students of a group a broadcast would reach, and how many of them blocked the bot.</summary>
public sealed record GroupCount(AudienceGroup Group, long Students, long Blocked);

/// <summary>
/// A broadcast's audience from the roster: each shard intersects the filter with each group's channel and language
/// sets (one script per shard), so counting 50,000 students reads no record and moves no list. Creating a job walks each
/// shard's group snapshots a chunk at a time into the job's pending sets; blocked students (the shared
/// <c>students:blocked</c> set) are recorded as blocked instead.
/// </summary>
public sealed class BroadcastAudience(IConnectionMultiplexer redis, StudentDirectory directory, TimeProvider time)
{
    private const int Chunk = 1000;
    private static readonly TimeSpan SnapshotLifetime = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<GroupCount>> CountAsync(RosterQuery query, IReadOnlyList<AudienceGroup> groups)
    {
        var (counts, _) = await ResolveAsync(query, groups, keep: false);
        return counts;
    }

    /// <summary>Adds every recipient to the job (by group), and the blocked ones as blocked; returns the counts.</summary>
    public async Task<IReadOnlyList<GroupCount>> FillAsync(
        RosterQuery query,
        IReadOnlyList<AudienceGroup> groups,
        Func<AudienceGroup, IReadOnlyList<string>, Task> addRecipients,
        Func<IReadOnlyList<string>, Task> addBlocked)
    {
        var (counts, snapshots) = await ResolveAsync(query, groups, keep: true);
        var db = redis.GetDatabase();
        try
        {
            var blocked = await directory.BlockedAsync();
            foreach (var (group, key) in snapshots)
            {
                for (long start = 0; ; start += Chunk)
                {
                    var members = (await db.SortedSetRangeByRankAsync(key, start, start + Chunk - 1)).Select(m => m.ToString()).ToList();
                    if (members.Count == 0)
                    {
                        break;
                    }

                    var (off, on) = members.Aggregate((Blocked: new List<string>(), Open: new List<string>()), (lists, m) =>
                    {
                        (blocked.Contains(m) ? lists.Blocked : lists.Open).Add(m);
                        return lists;
                    });
                    if (on.Count > 0)
                    {
                        await addRecipients(group, on);
                    }

                    if (off.Count > 0)
                    {
                        await addBlocked(off);
                    }
                }
            }
        }
        finally
        {
            if (snapshots.Count > 0)
            {
                // One DEL per snapshot: each lives in its own shard's slot (a multi-key DEL would fail on a cluster).
                await Task.WhenAll(snapshots.Select(s => db.KeyDeleteAsync(s.Key)));
            }
        }

        return counts;
    }

    private async Task<(IReadOnlyList<GroupCount> Counts, List<(AudienceGroup Group, RedisKey Key)> Snapshots)> ResolveAsync(
        RosterQuery query, IReadOnlyList<AudienceGroup> groups, bool keep)
    {
        var snapshots = new List<(AudienceGroup, RedisKey)>();
        var students = new long[groups.Count];
        var blockedCounts = new long[groups.Count];
        if (groups.Count == 0 || query.Specs(TaipeiTime.DateOf(time.GetUtcNow())) is not { } specs)
        {
            return (Zero(groups), snapshots);
        }

        var blockedByShard = (await directory.BlockedAsync())
            .Select(StudentRecords.Parse).OfType<StudentKey>().Where(StudentRoster.Keeps)
            .ToLookup(RosterKeys.ShardOf, k => k.ToString());
        var db = redis.GetDatabase();
        var rid = Guid.NewGuid().ToString("N");
        var groupArgs = new List<RedisValue> { groups.Count };
        foreach (var g in groups)
        {
            groupArgs.Add(g.Channel);
            groupArgs.Add(g.Language);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, RosterKeys.ShardCount).Select(shard =>
        {
            var blocked = blockedByShard[shard].ToList();
            RedisValue[] tail = [.. groupArgs, blocked.Count, .. blocked.Select(b => (RedisValue)b)];
            var lifetime = keep ? (long)SnapshotLifetime.TotalMilliseconds : 0;
            return db.ScriptEvaluateAsync(RosterScripts.Query, RosterKeys.FixedKeys(shard), RosterSearch.Arguments(rid, "groups", RosterSort.Updated, false, lifetime, specs, tail));
        }));

        foreach (var answer in answers)
        {
            var parts = (RedisResult[])answer!;
            var counts = (long[])parts[0]!;
            var keys = (string[])parts[1]!;
            var hits = (string[])parts[2]!;
            for (var g = 0; g < groups.Count; g++)
            {
                students[g] += counts[g];
                if (keep)
                {
                    snapshots.Add((groups[g], keys[g]));
                }
            }

            for (var h = 0; h + 1 < hits.Length; h += 2)
            {
                var channel = StudentKey.Parse(hits[h]).Channel;
                for (var g = 0; g < groups.Count; g++)
                {
                    if (groups[g].Channel == channel && (groups[g].Language == BroadcastTexts.Everyone || groups[g].Language == hits[h + 1]))
                    {
                        blockedCounts[g]++;
                    }
                }
            }
        }

        return ([.. groups.Select((g, i) => new GroupCount(g, students[i], blockedCounts[i]))], snapshots);
    }

    private static GroupCount[] Zero(IReadOnlyList<AudienceGroup> groups) => [.. groups.Select(g => new GroupCount(g, 0, 0))];
}
