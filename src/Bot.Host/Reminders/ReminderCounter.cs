using System.Globalization;
using Bot.Dialogs.Reminders;
using StackExchange.Redis;

namespace Bot.Host.Reminders;

/// <summary>
/// Reminders sent per Taiwan day, for the dashboard's overview: one small hash per day (<c>stats:rm:2026-03-01</c>:
/// <c>all</c> and <c>s:{school}</c>), kept 40 days. One pipelined write per reminder sent.
/// </summary>
public sealed class ReminderCounter(IConnectionMultiplexer redis)
{
    private static readonly TimeSpan Kept = TimeSpan.FromDays(40);

    public static RedisKey DayKey(DateOnly day) => "stats:rm:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Task CountAsync(string? school, DateTimeOffset now)
    {
        var key = DayKey(TaipeiTime.DateOf(now));
        var batch = redis.GetDatabase().CreateBatch();
        var tasks = new List<Task> { batch.HashIncrementAsync(key, "all") };
        if (!string.IsNullOrEmpty(school))
        {
            tasks.Add(batch.HashIncrementAsync(key, "s:" + school));
        }

        tasks.Add(batch.KeyExpireAsync(key, Kept));
        batch.Execute();
        return Task.WhenAll(tasks);
    }

    /// <summary>The last <paramref name="days"/> days up to <paramref name="today"/>, oldest first; for a scope, the sum of its schools.</summary>
    public async Task<IReadOnlyList<Roster.DayCount>> LastDaysAsync(DateOnly today, int days, IReadOnlyCollection<string>? scope)
    {
        var db = redis.GetDatabase();
        var fields = scope is null ? [(RedisValue)"all"] : scope.Select(s => (RedisValue)("s:" + s)).ToArray();
        var dates = Enumerable.Range(0, days).Select(d => today.AddDays(d - days + 1)).ToList();
        var values = await Task.WhenAll(dates.Select(d => fields.Length == 0 ? Task.FromResult(Array.Empty<RedisValue>()) : db.HashGetAsync(DayKey(d), fields)));
        return [.. dates.Select((d, i) => new Roster.DayCount(d, values[i].Sum(v => v.IsNull ? 0 : (long)v)))];
    }
}
