using System.Globalization;
using StackExchange.Redis;

namespace Bot.Host.Audit;

/// <summary>One advisor action as the audit trail shows it. <paramref name="Who"/>: an account name, "dashboard" (the shared key) or a chat advisor (tg:…).</summary>
public sealed record AuditEntry(string Id, DateTimeOffset At, string Who, string Action, string Target, string Detail);

/// <summary>
/// Who did what among the advisors: broadcasts confirmed or cancelled, answers, hand-backs, replays, accounts created,
/// disabled or given a new secret, roster rebuilds. A capped Redis stream (<c>audit</c>, the newest ~10,000 entries),
/// shown to admins on the dashboard. It names students by key (tg:123), never by name, and never holds message texts
/// beyond a broadcast's first words.
/// </summary>
public sealed class AuditTrail(IConnectionMultiplexer redis, TimeProvider time, ILogger<AuditTrail> logger) : Conversation.IStudentDataEraser
{
    public static readonly RedisKey Stream = "audit";

    public const int Kept = 10_000;

    private const int MaxDetail = 200;

    /// <summary>Records an action; a failure is logged, never thrown (the action itself has happened).</summary>
    public async Task RecordAsync(string who, string action, string target, string detail = "")
    {
        try
        {
            await redis.GetDatabase().StreamAddAsync(
                Stream,
                [
                    new("at", time.GetUtcNow().ToUnixTimeMilliseconds()),
                    new("who", who),
                    new("action", action),
                    new("target", target),
                    new("detail", detail.Length > MaxDetail ? detail[..MaxDetail] + "…" : detail),
                ],
                maxLength: Kept,
                useApproximateMaxLength: true);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            AuditLog.RecordFailed(logger, action, e);
        }
    }

    /// <summary>/delete: the entries naming the student (answers, hand-backs) leave the trail; the stream is capped, so a read is bounded.</summary>
    public async Task EraseAsync(Storage.StudentKey student, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var target = student.ToString();
        var entries = await db.StreamRangeAsync(Stream, "-", "+");
        var ids = entries.Where(e => e.Values.Any(v => v.Name == "target" && v.Value == target)).Select(e => e.Id).ToArray();
        if (ids.Length > 0)
        {
            await db.StreamDeleteAsync(Stream, ids);
        }
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(Stream, "-", "+", count, Order.Descending);
        return [.. entries.Select(e =>
        {
            var f = e.Values.ToDictionary(v => v.Name.ToString(), v => v.Value.ToString(), StringComparer.Ordinal);
            var at = long.TryParse(f.GetValueOrDefault("at"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : default;
            return new AuditEntry(e.Id.ToString(), at, f.GetValueOrDefault("who", ""), f.GetValueOrDefault("action", ""), f.GetValueOrDefault("target", ""), f.GetValueOrDefault("detail", ""));
        })];
    }
}

internal static partial class AuditLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Could not record the advisor action {Action} in the audit trail")]
    public static partial void RecordFailed(ILogger logger, string action, Exception exception);
}
