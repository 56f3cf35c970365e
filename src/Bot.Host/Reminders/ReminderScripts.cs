namespace Bot.Host.Reminders;

/// <summary>
/// The scheduler's atomic steps. Every key they touch — the due set, the claimed set, the claim tokens, and each
/// student's plan set and sent markers — carries the <c>{rm}</c> hash tag, so the scripts run on a Redis Cluster
/// too (in one slot: reminders are few next to turns, so one slot carries them easily).
/// </summary>
internal static class ReminderScripts
{
    /// <summary>
    /// KEYS: plan, due, claimed, blocked, then the sent marker of each planned reminder. ARGV: ttlMs, student, quietUntilMs,
    /// then (member, dueMs) per planned reminder, in the order of their markers. Replaces the student's plan: unplanned
    /// members leave the due set; planned ones not sent and not claimed are (re)scheduled, except those due by quietUntilMs,
    /// which are marked sent instead (the turn that planned them has just said it). A student whose case changes is talking
    /// to the bot again, so they are no longer blocked. Every key is declared, so a cluster client can check they share a slot.
    /// </summary>
    public const string Replan = """
        local planned = {}
        for i = 4, #ARGV, 2 do planned[ARGV[i]] = true end
        for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          if not planned[member] then redis.call('ZREM', KEYS[2], member) end
        end
        redis.call('DEL', KEYS[1])
        redis.call('SREM', KEYS[4], ARGV[2])
        for i = 4, #ARGV, 2 do
          local sent = KEYS[5 + (i - 4) / 2]
          if redis.call('EXISTS', sent) == 0 then
            if tonumber(ARGV[i + 1]) <= tonumber(ARGV[3]) then
              redis.call('ZREM', KEYS[2], ARGV[i])
              redis.call('SET', sent, '1', 'PX', ARGV[1])
            else
              redis.call('SADD', KEYS[1], ARGV[i])
              if not redis.call('ZSCORE', KEYS[3], ARGV[i]) then
                redis.call('ZADD', KEYS[2], ARGV[i + 1], ARGV[i])
              end
            end
          end
        end
        if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return 1
        """;

    /// <summary>
    /// KEYS: due, claimed, tokens. ARGV: nowMs, leaseUntilMs, limit, token.
    /// First returns expired claims (their host died) to the due set, then moves up to limit due members to claimed under this token.
    /// </summary>
    public const string Claim = """
        for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])) do
          redis.call('ZREM', KEYS[2], member)
          redis.call('HDEL', KEYS[3], member)
          redis.call('ZADD', KEYS[1], ARGV[1], member)
        end
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
        for _, member in ipairs(due) do
          redis.call('ZREM', KEYS[1], member)
          redis.call('ZADD', KEYS[2], ARGV[2], member)
          redis.call('HSET', KEYS[3], member, ARGV[4])
        end
        return due
        """;

    /// <summary>
    /// KEYS: claimed, tokens, sentKey. ARGV: member, token, markSent ('1'/'0'), sentTtlSeconds.
    /// Done with a claim, only if this claim still holds it; marks it sent so it is never planned again.
    /// </summary>
    public const string Ack = """
        if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('HDEL', KEYS[2], ARGV[1])
        if ARGV[3] == '1' then redis.call('SET', KEYS[3], '1', 'EX', ARGV[4]) end
        return 1
        """;

    /// <summary>KEYS: claimed, tokens, due. ARGV: member, token, dueMs. Gives a claim back for later (quiet hours, a failed push).</summary>
    public const string Reschedule = """
        if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('HDEL', KEYS[2], ARGV[1])
        redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
        return 1
        """;
}
