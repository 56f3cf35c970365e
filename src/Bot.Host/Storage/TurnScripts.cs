using StackExchange.Redis;

namespace Bot.Host.Storage;

/// <summary>
/// The two round trips of a turn. KEYS are one student's keys (same hash tag):
/// [1] lease, [2] record, [3] outbox (the last turn's inbound id and replies, for redeliveries).
/// </summary>
internal static class TurnScripts
{
    /// <summary>Take the lease (with a fencing token) and read the record and the outbox in one go.</summary>
    public static readonly LuaScript Begin = LuaScript.Prepare("""
        if redis.call('SET', @lease, @token, 'NX', 'PX', @leaseMs) then
          return {1, redis.call('GET', @record) or false, redis.call('GET', @outbox) or false}
        end
        return {0, redis.call('PTTL', @lease)}
        """);

    /// <summary>Save the record and the outbox and release the lease, only if this turn still holds it.</summary>
    public static readonly LuaScript Commit = LuaScript.Prepare("""
        if redis.call('GET', @lease) ~= @token then
          return 0
        end
        if @erase == '1' then
          redis.call('DEL', @record, @outbox)
        else
          redis.call('SET', @record, @value, 'EX', @ttl)
          redis.call('SET', @outbox, @sent, 'EX', @outboxTtl)
        end
        redis.call('DEL', @lease)
        return 1
        """);

    /// <summary>Lengthen the lease of a turn that has slow work to do (uploads), only if this turn still holds it.</summary>
    public static readonly LuaScript Extend = LuaScript.Prepare("""
        if redis.call('GET', @lease) == @token then
          return redis.call('PEXPIRE', @lease, @leaseMs)
        end
        return 0
        """);

    /// <summary>Give the student back without saving (the turn failed): the next update starts from the saved state.</summary>
    public static readonly LuaScript Release = LuaScript.Prepare("""
        if redis.call('GET', @lease) == @token then
          return redis.call('DEL', @lease)
        end
        return 0
        """);

    /// <summary>
    /// Keep the outbox as long as the record when it still answers @inbound (its replies could not all be sent yet). The
    /// outbox starts with a marker byte (1), the inbound id's length, then the id (see OutboxCodec).
    /// </summary>
    public static readonly LuaScript KeepOutbox = LuaScript.Prepare("""
        local sent = redis.call('GET', @outbox)
        if sent and string.byte(sent, 1) == 1 and string.sub(sent, 3, 2 + string.byte(sent, 2)) == @inbound then
          return redis.call('EXPIRE', @outbox, @ttl)
        end
        return 0
        """);
}
