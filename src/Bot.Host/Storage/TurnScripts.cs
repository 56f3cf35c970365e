using StackExchange.Redis;

namespace Bot.Host.Storage;

/// <summary>
/// The two round trips of a turn. Every key is one student's (same hash tag), so each script runs on a Redis Cluster:
/// the lease, the record, the outbox (the last turn's inbound id and replies, for redeliveries), and the per-student
/// limits (<see cref="Limits.StudentLimitScripts"/>).
/// </summary>
internal static class TurnScripts
{
    /// <summary>
    /// On a turn's first attempt (@check = 1) the per-student limits first: a refused turn takes no lease and gets the
    /// record back for the notice's language. Then take the lease (with a fencing token) and read the record, the
    /// outbox and the messages still showing buttons. Returns {1, record, outbox, returned, buttons} taken, {0, pttl, returned} busy, {2, decision, record, returned} refused;
    /// returned = 1 when a blocked mark was taken away (the student unblocked the bot).
    /// </summary>
    public static readonly LuaScript Begin = LuaScript.Prepare(string.Join('\n', """
        local returned = 0
        if @check == '1' then
        """, Limits.StudentLimitScripts.AdmitBody, """
          returned = admitted_returned
          if admitted ~= 0 then
            local record = false
            if admitted == 1 or admitted == 3 then
              record = redis.call('GET', @record) or false
            end
            return {2, admitted, record, returned}
          end
        end
        if redis.call('SET', @lease, @token, 'NX', 'PX', @leaseMs) then
          return {1, redis.call('GET', @record) or false, redis.call('GET', @outbox) or false, returned, redis.call('GET', @buttons) or false}
        end
        return {0, redis.call('PTTL', @lease), returned}
        """));

    /// <summary>Save the record and the outbox and release the lease, only if this turn still holds it.</summary>
    public static readonly LuaScript Commit = LuaScript.Prepare("""
        if redis.call('GET', @lease) ~= @token then
          return 0
        end
        if @erase == '1' then
          redis.call('DEL', @record, @outbox, @buttons)
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
    /// outbox starts with a marker byte (2: encrypted replies; 1: older, not encrypted), the inbound id's length, then the id
    /// in clear (see OutboxCodec).
    /// </summary>
    public static readonly LuaScript KeepOutbox = LuaScript.Prepare("""
        local sent = redis.call('GET', @outbox)
        local marker = sent and string.byte(sent, 1)
        if sent and (marker == 1 or marker == 2) and string.sub(sent, 3, 2 + string.byte(sent, 2)) == @inbound then
          return redis.call('EXPIRE', @outbox, @ttl)
        end
        return 0
        """);

    /// <summary>
    /// Remember which messages show buttons, only while the student has a record: the write is sent after the replies
    /// without waiting, so it can arrive after the student's /delete, which must leave no key naming them.
    /// </summary>
    public static readonly LuaScript RememberButtons = LuaScript.Prepare("""
        if redis.call('EXISTS', @record) == 1 then
          return redis.call('SET', @buttons, @shown, 'PX', @ttlMs)
        end
        return 0
        """);
}
