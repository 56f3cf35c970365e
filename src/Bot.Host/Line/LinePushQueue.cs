using System.Text.Json;
using Bot.Host.Conversation;
using Bot.Host.Line.Api;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Line;

/// <summary>A turn's messages waiting for a push (at most 5, one push's worth), and the event they answer.</summary>
public sealed record LinePushItem(string Id, IReadOnlyList<LineMessage> Messages);

/// <summary>
/// The push a flusher is about to make, saved before it is made: after a crash the same messages go out with the same
/// retry key (LINE accepts a key once), and the items are removed from the queue only once LINE has them.
/// </summary>
public sealed record LinePushPlan(Guid RetryKey, int Items, IReadOnlyList<LineMessage> Messages, int Attempts);

/// <summary>
/// Replies whose reply token is stale or refused wait here a moment (<see cref="LineOptions.PushBatchWindow"/>), per
/// student in Redis, so the replies of several turns (a backlog after an outage, a student typing fast) share one push
/// instead of one push each: LINE counts a push per recipient, not per message. <see cref="LinePushFlusher"/> sends them.
/// Keys: <c>lpq:{line:U…}</c> (list of items) and <c>lpq:{line:U…}:plan</c> share the student's hash tag; <c>lpq:due</c>
/// (sorted set: student → when to flush) is shared by every host. The messages echo what the student typed, so items and
/// plans are encrypted (<see cref="Storage.Encryption.StorageCipher"/>, bound to their key).
/// </summary>
public sealed class LinePushQueue(IConnectionMultiplexer redis, IOptions<LineOptions> options, TimeProvider time, Storage.Encryption.StorageCipher cipher) : IStudentDataEraser
{
    public static readonly RedisKey Due = "lpq:due";

    /// <summary>A student whose flush started on a host that died is flushed by another after this.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Nothing waits longer than this even if every flush fails (then it is dropped with a warning by the flusher).</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>Students due by now, each claimed (its due time moved past the claim timeout) so one host flushes it at a time.</summary>
    private static readonly LuaScript Claim = LuaScript.Prepare("""
        local due = redis.call('ZRANGEBYSCORE', @due, '-inf', @nowMs, 'LIMIT', 0, tonumber(@max))
        for _, user in ipairs(due) do
          redis.call('ZADD', @due, 'XX', @untilMs, user)
        end
        return due
        """);

    /// <summary>The pushed items leave the queue and the plan is gone, together; returns what is still queued.</summary>
    private static readonly LuaScript Complete = LuaScript.Prepare("""
        redis.call('LTRIM', @queue, tonumber(@items), -1)
        redis.call('DEL', @plan)
        return redis.call('LLEN', @queue)
        """);

    public static RedisKey QueueKey(string userId) => "lpq:" + new StudentKey(LineEventMapper.Channel, userId).Tag;

    public static RedisKey PlanKey(string userId) => QueueKey(userId).Append(":plan");

    /// <summary>Completed (and replaced) when a student here should be flushed now; see <see cref="NextWake"/>.</summary>
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Completes at the next <see cref="FlushSoonAsync"/> on this host: taken before looking, so no wake-up is missed.</summary>
    public Task NextWake => Volatile.Read(ref wake).Task;

    /// <summary>Queues a turn's messages and schedules the student's flush (unless one is already scheduled, which they join).</summary>
    public async Task DeferAsync(string userId, string eventId, IReadOnlyList<LineMessage> messages)
    {
        var items = messages.Chunk(LineLimits.MaxMessagesPerCall)
            .Select((batch, i) => (RedisValue)cipher.Seal(JsonSerializer.SerializeToUtf8Bytes(new LinePushItem($"{eventId}#{i}", batch), LineJsonContext.Default.LinePushItem), QueueKey(userId).ToString()))
            .ToArray();
        if (items.Length == 0)
        {
            return;
        }

        // The item first, then the schedule: a flusher that empties the queue in between sees the item and reschedules.
        await Db.ListRightPushAsync(QueueKey(userId), items);
        await Task.WhenAll(
            Db.KeyExpireAsync(QueueKey(userId), Lifetime),
            Db.SortedSetAddAsync(Due, userId, (time.GetUtcNow() + options.Value.PushBatchWindow).ToUnixTimeMilliseconds(), SortedSetWhen.NotExists));
    }

    /// <summary>True while earlier replies of the student wait: a newer turn must queue behind them, not overtake them.</summary>
    public Task<bool> HasPendingAsync(string userId) => Db.KeyExistsAsync(QueueKey(userId));

    /// <summary>Flush now (a newer turn joined the queue: its student is waiting); this host's flusher looks at once.</summary>
    public async Task FlushSoonAsync(string userId)
    {
        await Db.SortedSetAddAsync(Due, userId, time.GetUtcNow().ToUnixTimeMilliseconds());
        Interlocked.Exchange(ref wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public async Task<IReadOnlyList<string>> ClaimDueAsync(int max)
    {
        var now = time.GetUtcNow();
        var claimed = (RedisResult[])(await Db.ScriptEvaluateAsync(Claim, new
        {
            due = Due,
            nowMs = now.ToUnixTimeMilliseconds(),
            untilMs = (now + ClaimTimeout).ToUnixTimeMilliseconds(),
            max,
        }))!;
        return [.. claimed.Select(c => (string)c!)];
    }

    /// <summary>The saved plan, or a new one for the oldest items (as many whole items as fit in one push); null when nothing waits.</summary>
    public async Task<LinePushPlan?> NextPlanAsync(string userId)
    {
        if (await Db.StringGetAsync(PlanKey(userId)) is { HasValue: true } saved)
        {
            return JsonSerializer.Deserialize(cipher.OpenOrPlain((byte[])saved!, PlanKey(userId).ToString()), LineJsonContext.Default.LinePushPlan);
        }

        var items = (await Db.ListRangeAsync(QueueKey(userId), 0, LineLimits.MaxMessagesPerCall - 1))
            .Select(v => JsonSerializer.Deserialize(cipher.OpenOrPlain((byte[])v!, QueueKey(userId).ToString()), LineJsonContext.Default.LinePushItem)!)
            .ToList();
        if (items.Count == 0)
        {
            return null;
        }

        var take = 1;
        var count = items[0].Messages.Count;
        while (take < items.Count && count + items[take].Messages.Count <= LineLimits.MaxMessagesPerCall)
        {
            count += items[take++].Messages.Count;
        }

        var chosen = items.Take(take).ToList();
        var plan = new LinePushPlan(LineRetryKey.From("lpq|" + string.Join('|', chosen.Select(i => i.Id))), take, [.. chosen.SelectMany(i => i.Messages)], Attempts: 0);
        await SavePlanAsync(userId, plan);
        return plan;
    }

    public Task SavePlanAsync(string userId, LinePushPlan plan) =>
        Db.StringSetAsync(PlanKey(userId), cipher.Seal(JsonSerializer.SerializeToUtf8Bytes(plan, LineJsonContext.Default.LinePushPlan), PlanKey(userId).ToString()), Lifetime);

    /// <summary>The plan was pushed (or given up): its items leave the queue. The student leaves the schedule when nothing is left.</summary>
    public async Task CompleteAsync(string userId, LinePushPlan plan)
    {
        var left = (long)await Db.ScriptEvaluateAsync(Complete, new { queue = QueueKey(userId), plan = PlanKey(userId), items = plan.Items });
        if (left == 0)
        {
            await UnscheduleAsync(userId);
        }
    }

    /// <summary>Try again later (LINE or the network failed).</summary>
    public Task RetryLaterAsync(string userId, TimeSpan delay) =>
        Db.SortedSetAddAsync(Due, userId, (time.GetUtcNow() + delay).ToUnixTimeMilliseconds());

    /// <summary>The student unfollowed: nothing of theirs is pushed.</summary>
    public async Task DropAsync(string userId)
    {
        await Db.KeyDeleteAsync([QueueKey(userId), PlanKey(userId)]);
        await UnscheduleAsync(userId);
    }

    public Task EraseAsync(StudentKey student, CancellationToken cancellationToken) =>
        student.Channel == LineEventMapper.Channel ? DropAsync(student.Id) : Task.CompletedTask;

    /// <summary>Leaves the schedule; an item queued meanwhile puts the student back (see <see cref="DeferAsync"/>).</summary>
    private async Task UnscheduleAsync(string userId)
    {
        await Db.SortedSetRemoveAsync(Due, userId);
        if (await Db.KeyExistsAsync(QueueKey(userId)))
        {
            await FlushSoonAsync(userId);
        }
    }
}
