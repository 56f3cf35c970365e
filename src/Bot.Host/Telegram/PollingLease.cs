using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Telegram;

/// <summary>
/// Whether this host may poll now. <see cref="Held"/>: for at most <see cref="Remaining"/> (until the lease could have expired);
/// <see cref="Taken"/> on the call that began the term, with the updates earlier pollers finished but Telegram may still
/// send (<see cref="DoneUpdates"/>). Not held: another host polls; ask again after <see cref="Remaining"/>.
/// </summary>
internal sealed record PollingLeaseState(bool Held, TimeSpan Remaining, bool Taken, IReadOnlyList<int> DoneUpdates);

/// <summary>
/// Which host polls Telegram. Telegram serves one getUpdates at a time per bot (a second one ends the first with 409), so
/// in polling mode the hosts share a Redis lease: the holder renews it every <c>Telegram:PollingLeaseRenewal</c> between
/// long polls no longer than that; the others stand by and try again until it is free — at once when the poller stops,
/// within <c>Telegram:PollingLease</c> when it dies. Each term gets a fencing token (a counter in Redis) in the lease's value:
/// only the term that set it can renew or release it, so a poller that stalled past its lease can neither extend nor drop
/// its successor's. Every key shares the hash tag <c>{tg:poll}</c> (one slot on a Redis Cluster).
/// </summary>
/// <remarks>
/// The poller also marks here each update it has finished (<see cref="MarkDone"/>): Telegram only learns that at the next
/// getUpdates, so a successor taking over from a poller that died in between skips those instead of answering them twice.
/// </remarks>
internal sealed class PollingLease(IConnectionMultiplexer redis, IOptions<TelegramOptions> options, TimeProvider time, ILogger<PollingLease> logger)
{
    public static readonly RedisKey LeaseKey = "{tg:poll}:lease";

    public static readonly RedisKey FenceKey = "{tg:poll}:fence";

    /// <summary>Updates finished by a poller, scored by update id; trimmed below the offset Telegram has confirmed.</summary>
    public static readonly RedisKey DoneKey = "{tg:poll}:done";

    /// <summary>Telegram keeps an unconfirmed update for 24 hours: a done mark is not needed longer.</summary>
    private static readonly TimeSpan DoneLifetime = TimeSpan.FromDays(1);

    /// <summary>Takes a free lease under the next fencing token and returns {token, done ids}; {0, pttl} while another holds it.</summary>
    private static readonly LuaScript Take = LuaScript.Prepare("""
        local held = redis.call('PTTL', @lease)
        if held ~= -2 then return {0, held} end
        local fence = redis.call('INCR', @fence)
        redis.call('SET', @lease, @holder .. ':' .. fence, 'PX', @leaseMs)
        return {fence, redis.call('ZRANGE', @done, 0, -1)}
        """);

    /// <summary>Extends the lease only for the term that set it; drops done marks Telegram will not send again.</summary>
    private static readonly LuaScript Renew = LuaScript.Prepare("""
        if redis.call('GET', @lease) ~= @value then return 0 end
        redis.call('PEXPIRE', @lease, @leaseMs)
        redis.call('ZREMRANGEBYSCORE', @done, '-inf', '(' .. @confirmed)
        redis.call('PEXPIRE', @done, @doneMs)
        return 1
        """);

    private static readonly LuaScript Release = LuaScript.Prepare("""
        if redis.call('GET', @lease) == @value then return redis.call('DEL', @lease) end
        return 0
        """);

    private readonly TelegramOptions options = options.Value;
    private readonly string holder = Guid.NewGuid().ToString("N");
    private string? value;
    private DateTimeOffset renewedAt;
    private DateTimeOffset validUntil;
    private bool standingBy;

    /// <summary>The fencing token of this host's term, 0 while it does not hold the lease.</summary>
    public long Fence { get; private set; }

    /// <summary>
    /// Before each poll: takes the lease when it is free, renews it when a renewal is due (one Redis round trip; none
    /// otherwise). <paramref name="confirmedOffset"/> is the offset of the last getUpdates that succeeded.
    /// </summary>
    public async Task<PollingLeaseState> KeepAsync(long confirmedOffset)
    {
        var now = time.GetUtcNow();
        if (value is not null && now < renewedAt + options.PollingLeaseRenewal && now < validUntil)
        {
            return new PollingLeaseState(true, validUntil - now, false, []);
        }

        var db = redis.GetDatabase();
        if (value is not null)
        {
            var renewed = (long)await db.ScriptEvaluateAsync(Renew, new
            {
                lease = LeaseKey,
                done = DoneKey,
                value,
                leaseMs = (long)options.PollingLease.TotalMilliseconds,
                confirmed = confirmedOffset,
                doneMs = (long)DoneLifetime.TotalMilliseconds,
            }) == 1;
            if (renewed)
            {
                (renewedAt, validUntil) = (now, now + options.PollingLease);
                return new PollingLeaseState(true, validUntil - now, false, []);
            }

            // It expired (this host stalled, or Redis lost it) and maybe another host has it now.
            TelegramLog.PollingLeaseLost(logger, Fence);
            (value, Fence) = (null, 0);
        }

        var result = (RedisResult[])(await db.ScriptEvaluateAsync(Take, new
        {
            lease = LeaseKey,
            fence = FenceKey,
            done = DoneKey,
            holder,
            leaseMs = (long)options.PollingLease.TotalMilliseconds,
        }))!;
        var fence = (long)result[0];
        if (fence == 0)
        {
            if (!standingBy)
            {
                TelegramLog.PollingStandingBy(logger);
                standingBy = true;
            }

            // Ask again when the holder's lease would run out, and at least every renewal interval (it may be released sooner).
            var pttl = (long)result[1];
            var renewalMs = (long)options.PollingLeaseRenewal.TotalMilliseconds;
            return new PollingLeaseState(false, TimeSpan.FromMilliseconds(pttl < 0 ? renewalMs : Math.Clamp(pttl, 10, renewalMs)), false, []);
        }

        (value, Fence, renewedAt, validUntil, standingBy) = (holder + ":" + fence, fence, now, now + options.PollingLease, false);
        TelegramLog.PollingLeaseTaken(logger, fence);
        return new PollingLeaseState(true, validUntil - now, true, [.. ((RedisResult[])result[1]!).Select(r => (int)r)]);
    }

    /// <summary>Records that an update is finished (sent without waiting: it costs the poll no round trip).</summary>
    public void MarkDone(int updateId)
    {
        try
        {
            redis.GetDatabase().SortedSetAdd(DoneKey, updateId, updateId, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            // Only a takeover right now would send this update again, and the outbox answers it then.
        }
    }

    /// <summary>Gives the lease back (the host is stopping), so another host polls at once instead of after it expires.</summary>
    public async Task ReleaseAsync()
    {
        if (value is null)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(Release, new { lease = LeaseKey, value });
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Unreachable Redis: the lease expires on its own.
        }

        (value, Fence) = (null, 0);
    }
}
