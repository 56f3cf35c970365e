using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Bot.Host.Inbox;

/// <summary>
/// Shard ownership: each host heartbeats, renews the leases it holds, hands back shards above its fair share once
/// their dispatched work has finished (so order holds across hosts), and takes free ones up to it.
/// </summary>
public sealed partial class InboxProcessor
{
    /// <summary>A shard whose owner stopped renewing is free after this long.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan LeaseCheckEvery = TimeSpan.FromSeconds(5);

    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    /// <summary>Heartbeat, renew what we own, hand back shards above our fair share once drained, take free ones up to it.</summary>
    private async Task ManageLeasesAsync()
    {
        var db = redis.GetDatabase();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SortedSetAddAsync(DurableInbox.Hosts, consumer, now + (long)LeaseDuration.TotalMilliseconds);
        await db.SortedSetRemoveRangeByScoreAsync(DurableInbox.Hosts, double.NegativeInfinity, now);
        var hosts = Math.Max(1, await db.SortedSetLengthAsync(DurableInbox.Hosts));
        var fairShare = (int)Math.Ceiling(DurableInbox.ShardCount / (double)hosts);

        foreach (var shard in owned.Values.ToList())
        {
            var renewed = (long)await db.ScriptEvaluateAsync(RenewScript, [DurableInbox.Lease(shard.Number)], [consumer, (long)LeaseDuration.TotalMilliseconds]);
            if (renewed == 0)
            {
                owned.Remove(shard.Number);
                lost[shard.Number] = shard;
                InboxLog.ShardLost(logger, shard.Number);
            }
        }

        foreach (var drained in lost.Values.Where(s => Volatile.Read(ref s.InFlight) == 0).ToList())
        {
            lost.Remove(drained.Number);
        }

        foreach (var extra in owned.Values.Where(s => !s.Releasing).OrderByDescending(s => s.Number).Take(Math.Max(0, owned.Count - fairShare)))
        {
            // Stop reading it now; give it back when what was dispatched has finished, so order holds across hosts.
            extra.Releasing = true;
        }

        foreach (var shard in owned.Values.Where(s => s.Releasing && Volatile.Read(ref s.InFlight) == 0).ToList())
        {
            await ReleaseAsync(shard);
        }

        var start = Random.Shared.Next(DurableInbox.ShardCount);
        for (var i = 0; i < DurableInbox.ShardCount && owned.Count < fairShare; i++)
        {
            var number = (start + i) % DurableInbox.ShardCount;
            if (!owned.ContainsKey(number) && !lost.ContainsKey(number)
                && await db.StringSetAsync(DurableInbox.Lease(number), consumer, LeaseDuration, When.NotExists))
            {
                owned[number] = new Shard(number);
                InboxLog.ShardTaken(logger, number);
            }
        }
    }

    private async Task ReleaseAsync(Shard shard)
    {
        owned.Remove(shard.Number);
        await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [DurableInbox.Lease(shard.Number)], [consumer]);
        InboxLog.ShardReleased(logger, shard.Number);
    }

    /// <summary>On stop: let dispatched work end (it was cancelled), then give every shard and our heartbeat back at once.</summary>
    private async Task StopOwningAsync()
    {
        try
        {
            await Task.WhenAll(running.Keys).WaitAsync(TimeSpan.FromSeconds(5), time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // Whatever is still running stays unacknowledged and is claimed by the next owner.
        }

        try
        {
            foreach (var shard in owned.Values.ToList())
            {
                await ReleaseAsync(shard);
            }

            await redis.GetDatabase().SortedSetRemoveAsync(DurableInbox.Hosts, consumer);
            PublishOwnership();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The leases and the heartbeat expire on their own.
            InboxLog.LoopFailed(logger, TimeSpan.Zero, e);
        }
    }

    private void PublishOwnership()
    {
        if (Interlocked.Exchange(ref ownedCount, owned.Count) != owned.Count)
        {
            Interlocked.Exchange(ref ownershipChanged, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private sealed class Shard(int number)
    {
        public int Number { get; } = number;

        /// <summary>Claim everything pending in the stream before reading new entries: when taken, and after a lost connection.</summary>
        public bool NeedsClaim { get; set; } = true;

        public bool Releasing { get; set; }

        public int InFlight;

        /// <summary>Ids of the entries dispatched and not finished here, which a claim must not dispatch a second time.</summary>
        public ConcurrentDictionary<string, byte> Running { get; } = new(StringComparer.Ordinal);
    }
}
