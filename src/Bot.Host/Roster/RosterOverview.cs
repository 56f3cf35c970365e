using Bot.Dialogs.Reminders;
using Bot.Host.Advisors;
using StackExchange.Redis;

namespace Bot.Host.Roster;

/// <summary>One day's count (deadlines falling on it, reminders sent on it), Taiwan dates.</summary>
public sealed record DayCount(DateOnly Date, long Count);

/// <summary>The overview's figures for the students an advisor may see.</summary>
public sealed record Overview(
    long Total,
    IReadOnlyDictionary<CaseStep, long> Stages,
    long Overdue,
    long DueWithin30Days,
    IReadOnlyList<DayCount> DeadlinesNext7Days,
    long WithAdvisor,
    long Telegram,
    long Line,
    IReadOnlyList<DayCount> RemindersSent)
{
    /// <summary>The /stats text (chat and the dashboard), from the same counts.</summary>
    public string Describe() =>
        $"Students: {Total} (Telegram {Telegram}, LINE {Line})\n"
        + string.Join('\n', Enum.GetValues<CaseStep>().Select(step => $"{step}: {Stages.GetValueOrDefault(step)}"))
        + $"\nOverdue (deadline passed, not done): {Overdue}"
        + $"\nDeadline within {StudentSummary.ExpiresSoonDays} days: {DueWithin30Days}"
        + $"\nTalking with an advisor: {WithAdvisor}"
        + $"\nReminders sent today: {(RemindersSent.Count > 0 ? RemindersSent[^1].Count : 0)}";
}

/// <summary>Counts per stage and deadline day from every shard's sorted sets (ZCOUNT, ZINTERCARD), summed: no record is read.</summary>
public sealed class RosterOverview(IConnectionMultiplexer redis, Reminders.ReminderCounter reminders, TimeProvider time)
{
    private const int StatsPerShard = 7 + 2 + 7 + 3;

    public async Task<Overview> ReadAsync(IReadOnlyCollection<string>? scope)
    {
        var now = time.GetUtcNow();
        var today = TaipeiTime.DateOf(now);
        var sent = reminders.LastDaysAsync(today, 14, scope);
        var sums = new long[StatsPerShard];
        if (new RosterQuery(Scope: scope).Specs(today) is { } specs)
        {
            var db = redis.GetDatabase();
            var rid = Guid.NewGuid().ToString("N");
            var answers = await Task.WhenAll(Enumerable.Range(0, RosterKeys.ShardCount).Select(shard => db.ScriptEvaluateAsync(
                RosterScripts.Query, RosterKeys.FixedKeys(shard), RosterSearch.Arguments(rid, "stats", RosterSort.Stage, false, 0, specs, today.DayNumber))));
            foreach (var answer in answers)
            {
                var counts = (long[])answer!;
                for (var i = 0; i < StatsPerShard; i++)
                {
                    sums[i] += counts[i];
                }
            }
        }

        var stages = Enum.GetValues<CaseStep>().ToDictionary(step => step, step => sums[(int)step]);
        return new Overview(
            stages.Values.Sum(),
            stages,
            Overdue: sums[7],
            DueWithin30Days: sums[8],
            [.. Enumerable.Range(0, 7).Select(d => new DayCount(today.AddDays(d), sums[9 + d]))],
            WithAdvisor: sums[16],
            Telegram: sums[17],
            Line: sums[18],
            await sent);
    }
}
