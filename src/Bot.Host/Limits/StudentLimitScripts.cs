using StackExchange.Redis;

namespace Bot.Host.Limits;

/// <summary>The per-student limits, run inside the turn's first round trip. Every key carries the student's hash tag, so it runs on a cluster.</summary>
internal static class StudentLimitScripts
{
    /// <summary>
    /// Lua for the start of <see cref="Storage.TurnScripts.Begin"/>: a token bucket in a hash (tokens, at = last refill in
    /// ms, told = the flood's notice was sent), then the day's upload count. Leaves `admitted` = 0 admitted, 1/2 too fast
    /// (notify / already notified), 3/4 upload quota (notify / already), and `admitted_returned` = 1 when the student
    /// carried a <see cref="Storage.BlockedMark"/> (taken away here: they are writing, so they unblocked the bot). The
    /// notice flag resets only once the bucket is full again, so a steady flood gets one notice, not one a refill.
    /// </summary>
    public const string AdmitBody = """
        local admitted_returned = redis.call('DEL', @blocked)
        local now = tonumber(@nowMs)
        local burst = tonumber(@burst)
        local perMs = tonumber(@perMinute) / 60000
        local s = redis.call('HMGET', @bucket, 'tokens', 'at', 'told')
        local tokens = tonumber(s[1]) or burst
        local at = tonumber(s[2]) or now
        local told = s[3] == '1'
        if now > at then
          tokens = math.min(burst, tokens + (now - at) * perMs)
          at = now
        end
        if tokens >= burst then
          told = false
        end
        local ttl = math.ceil(burst / perMs) + 60000
        local result = 0
        if tokens < 1 then
          result = told and 2 or 1
          told = true
        else
          tokens = tokens - 1
          local uploads = tonumber(@uploads)
          if uploads > 0 then
            local used = tonumber(redis.call('HGET', @uploadsKey, 'n') or '0')
            if used + uploads > tonumber(@quota) then
              result = (redis.call('HSETNX', @uploadsKey, 'told', '1') == 1) and 3 or 4
            else
              redis.call('HINCRBY', @uploadsKey, 'n', uploads)
            end
            redis.call('EXPIRE', @uploadsKey, @dayTtl)
          end
        end
        redis.call('HSET', @bucket, 'tokens', string.format('%.6f', tokens), 'at', string.format('%.0f', at), 'told', told and '1' or '0')
        redis.call('PEXPIRE', @bucket, ttl)
        local admitted = result
        """;
}
