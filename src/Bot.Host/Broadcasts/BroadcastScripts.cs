using StackExchange.Redis;

namespace Bot.Host.Broadcasts;

/// <summary>Atomic steps of a broadcast job. All keys of one job share the hash tag <c>{bc:id}</c>.</summary>
internal static class BroadcastScripts
{
    /// <summary>
    /// Moves a job from one of the statuses in @from (comma-separated) to @to, atomically: confirm, cancel and the
    /// runner's start race (two advisors, a double click, a cancel as the job becomes due) and exactly one of them wins.
    /// </summary>
    public static readonly LuaScript Transition = LuaScript.Prepare("""
        local status = redis.call('HGET', @job, 'status')
        if not status then return 0 end
        for allowed in string.gmatch(@from, '[^,]+') do
          if allowed == status then
            redis.call('HSET', @job, 'status', @to)
            if @dueAt ~= '' then redis.call('HSET', @job, 'dueAt', @dueAt) end
            return 1
          end
        end
        return 0
        """);

    /// <summary>Takes up to n recipients out of the pending set and notes when (so a dead host's claims can be given back).</summary>
    public static readonly LuaScript Claim = LuaScript.Prepare("""
        local taken = redis.call('SPOP', @pending, @count)
        for _, member in ipairs(taken) do
          redis.call('HSET', @inflight, member, @now)
        end
        return taken
        """);

    /// <summary>Records one outcome exactly once (sent, failed, blocked) and counts it per channel.</summary>
    public static readonly LuaScript Record = LuaScript.Prepare("""
        redis.call('HDEL', @inflight, @member)
        if redis.call('HSETNX', @results, @member, @outcome) == 1 then
          redis.call('HINCRBY', @job, @counter, 1)
          return 1
        end
        return 0
        """);

    /// <summary>Puts claims back in the pending set: this host's unsent ones on shutdown, or anyone's older than the timeout.</summary>
    public static readonly LuaScript Requeue = LuaScript.Prepare("""
        local back = 0
        local all = redis.call('HGETALL', @inflight)
        for i = 1, #all, 2 do
          if tonumber(all[i + 1]) <= tonumber(@olderThan) and redis.call('HEXISTS', @results, all[i]) == 0 then
            redis.call('SADD', @pending, all[i])
            redis.call('HDEL', @inflight, all[i])
            back = back + 1
          elseif redis.call('HEXISTS', @results, all[i]) == 1 then
            redis.call('HDEL', @inflight, all[i])
          end
        end
        return back
        """);

    /// <summary>Gives back this host's own unsent claims (on shutdown); ones already recorded stay recorded.</summary>
    public static readonly LuaScript Release = LuaScript.Prepare("""
        local back = 0
        for _, member in ipairs(cjson.decode(@members)) do
          if redis.call('HDEL', @inflight, member) == 1 and redis.call('HEXISTS', @results, member) == 0 then
            redis.call('SADD', @pending, member)
            back = back + 1
          end
        end
        return back
        """);

    /// <summary>
    /// Generic cell rate algorithm on Redis' own clock, shared by all hosts: one send every @interval ms with a
    /// burst of @burst, and a pause after a 429. Returns 0 to send now, or the milliseconds to wait.
    /// (Milliseconds keep the numbers exact in Lua's 14-digit formatting.)
    /// </summary>
    public static readonly LuaScript RateGate = LuaScript.Prepare("""
        local pause = redis.call('PTTL', @pause)
        if pause > 0 then return pause end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local interval = tonumber(@interval)
        local tat = tonumber(redis.call('GET', @tat) or now)
        if tat < now then tat = now end
        local allowAt = tat - tonumber(@burst) * interval
        if now < allowAt then return allowAt - now end
        redis.call('SET', @tat, string.format('%d', tat + interval), 'PX', tat + interval - now + 1000)
        return 0
        """);
}
