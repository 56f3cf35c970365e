using Bot.Host.Storage.Encryption;
using StackExchange.Redis;

namespace Bot.Host.Inbox;

/// <summary>
/// Dead letters are re-encrypted with the active key (each is added again with its new body and the old one deleted: its
/// id changes, its failure time does not). Entries of the live inbox are handled within seconds and cannot be rewritten in
/// place: those still under a retired key are counted as left (run rewrap again once they are handled).
/// </summary>
public sealed class InboxRewrap(IConnectionMultiplexer redis, InboxBodies bodies) : IStorageRewrapper
{
    /// <summary>KEYS: dead. ARGV: id, old body, new body. Re-adds the entry with the new body if it still has the old one.</summary>
    private const string ReplaceScript = """
        local found = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
        if #found == 0 then return 0 end
        local fields = found[1][2]
        for i = 1, #fields, 2 do
          if fields[i] == 'body' then
            if fields[i + 1] ~= ARGV[2] then return 0 end
            fields[i + 1] = ARGV[3]
          end
        end
        redis.call('XADD', KEYS[1], '*', unpack(fields))
        redis.call('XDEL', KEYS[1], ARGV[1])
        return 1
        """;

    public string Name => "inbox and dead letters";

    public async Task<RewrapCount> RewrapAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var total = new RewrapCount();
        for (var shard = 0; shard < DurableInbox.ShardCount; shard++)
        {
            foreach (var entry in await db.StreamRangeAsync(DurableInbox.Stream(shard)))
            {
                total += DurableInbox.Parse(entry) is { } parsed && !bodies.IsCurrent(parsed.Body) ? new RewrapCount(Left: 1) : new RewrapCount(Current: 1);
            }

            var dead = DeadLetters.Stream(shard);
            foreach (var entry in await db.StreamRangeAsync(dead))
            {
                if (DurableInbox.Parse(entry) is not { } parsed || parsed.Body.Length == 0)
                {
                    continue;
                }

                total += await Rewrap.OneAsync(
                    () => bodies.IsCurrent(parsed.Body) ? null : System.Text.Encoding.UTF8.GetBytes(bodies.Seal(bodies.Open(parsed)).Body),
                    async replacement => (long)await db.ScriptEvaluateAsync(ReplaceScript, [dead], [entry.Id, parsed.Body, replacement]) == 1);
            }
        }

        return total;
    }
}
