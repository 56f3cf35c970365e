using System.Collections.Concurrent;
using System.Threading.Channels;
using Bot.Host.Conversation;
using StackExchange.Redis;

namespace Bot.Host.Inbox;

/// <summary>
/// Reads the inbox on this host. Each shard stream is owned by one host at a time through a lease, so its entries
/// (and so each student's events) are dispatched in stream order onto <see cref="StudentWorkQueue"/>, which runs
/// one student's work in order and different students concurrently. An entry is acknowledged (and deleted) only
/// after it was handled; a failed attempt is tried again with back-off (<see cref="DeliveryRetry"/>; each one counted
/// in the stream's delivery count), and after <c>Delivery:MaxAttempts</c> the entry moves to the dead-letter stream
/// (<see cref="DeadLetters"/>) in the same script that acknowledges it. When a host stops or dies, the next owner of the
/// shard claims the unacknowledged entries (XAUTOCLAIM), with their delivery counts, before reading new ones. Hosts
/// split the shards evenly by a heartbeat list.
/// </summary>
public sealed partial class InboxProcessor(
    DurableInbox inbox,
    InboxBodies bodies,
    DeadLetters deadLetters,
    StudentWorkQueue queue,
    DeliveryRetry retry,
    IEnumerable<IInboxHandler> handlers,
    IConnectionMultiplexer redis,
    TimeProvider time,
    ILogger<InboxProcessor> logger,
    InboxMetrics metrics) : BackgroundService
{
    /// <summary>Idle hosts poll this often even without a signal (a missed pub/sub message costs at most this).</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    private const int ReadBatch = 50;

    private readonly string consumer = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<string, IInboxHandler> byChannel = handlers.ToDictionary(h => h.Channel, StringComparer.Ordinal);
    private readonly Dictionary<int, Shard> owned = [];

    /// <summary>Shards lost with work still running here: not taken again until it ends, or we would claim our own entries.</summary>
    private readonly Dictionary<int, Shard> lost = [];
    private readonly ConcurrentDictionary<Task, byte> running = new();
    private TaskCompletionSource ownershipChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int ownedCount;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Set when the connection to Redis dropped: a read whose answer was lost left entries pending for this host.</summary>
    private int connectionLost;

    /// <summary>How many shards this host reads now (for health pages and tests).</summary>
    public int OwnedShards => Volatile.Read(ref ownedCount);

    /// <summary>Completes the next time <see cref="OwnedShards"/> changes.</summary>
    public Task OwnershipChanged => Volatile.Read(ref ownershipChanged).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        var backoff = TimeSpan.FromSeconds(1);
        var nextLeaseCheck = DateTimeOffset.MinValue;
        var ready = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!ready)
                    {
                        await inbox.EnsureGroupsAsync();
                        await subscriber.SubscribeAsync(DurableInbox.Appended, (_, _) => wake.Writer.TryWrite(true));
                        redis.ConnectionFailed += OnConnectionFailed;
                        ready = true;
                    }

                    if (Interlocked.Exchange(ref connectionLost, 0) == 1)
                    {
                        // An XREADGROUP that Redis ran but whose answer never arrived left its entries pending for this host,
                        // unknown to it: claim the shards' pending entries again (those already running here are skipped).
                        foreach (var shard in owned.Values)
                        {
                            shard.NeedsClaim = true;
                        }
                    }

                    if (time.GetUtcNow() >= nextLeaseCheck)
                    {
                        await ManageLeasesAsync();
                        PublishOwnership();
                        nextLeaseCheck = time.GetUtcNow() + LeaseCheckEvery;
                    }

                    var dispatched = 0;
                    foreach (var shard in owned.Values.Where(s => !s.Releasing).ToList())
                    {
                        dispatched += await PullAsync(shard, stoppingToken);
                    }

                    if (dispatched == 0)
                    {
                        await WaitForWorkAsync(stoppingToken);
                    }

                    backoff = TimeSpan.FromSeconds(1);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    // Redis down, a timeout, a bug: log, back off, try again; the entries wait in Redis.
                    Volatile.Write(ref connectionLost, 1);
                    InboxLog.LoopFailed(logger, backoff, e);
                    await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                }
            }
        }
        finally
        {
            await StopOwningAsync();
            if (ready)
            {
                redis.ConnectionFailed -= OnConnectionFailed;
                await subscriber.UnsubscribeAsync(DurableInbox.Appended);
            }
        }
    }

    /// <summary>Claims what a previous owner left unacknowledged, then reads new entries; returns how many were dispatched.</summary>
    private async Task<int> PullAsync(Shard shard, CancellationToken stoppingToken)
    {
        var db = redis.GetDatabase();
        var stream = DurableInbox.Stream(shard.Number);
        var count = 0;
        if (shard.NeedsClaim)
        {
            // We hold the lease, so whoever else has pending entries here has stopped: take them all, oldest first.
            RedisValue cursor = "0-0";
            do
            {
                var claimed = await db.StreamAutoClaimAsync(stream, DurableInbox.Group, consumer, 0, cursor, ReadBatch);
                var deliveries = await inbox.DeliveryCountsAsync(shard.Number, consumer, claimed.ClaimedEntries);
                foreach (var entry in claimed.ClaimedEntries.Where(e => !shard.Running.ContainsKey(e.Id.ToString())))
                {
                    Dispatch(shard, entry, deliveries.GetValueOrDefault(entry.Id.ToString(), 1), stoppingToken);
                    count++;
                }

                cursor = claimed.NextStartId;
            }
            while (cursor != "0-0");

            shard.NeedsClaim = false;
            if (count > 0)
            {
                InboxLog.Claimed(logger, shard.Number, count);
            }
        }

        var entries = await db.StreamReadGroupAsync(stream, DurableInbox.Group, consumer, StreamPosition.NewMessages, ReadBatch);
        foreach (var entry in entries)
        {
            Dispatch(shard, entry, deliveries: 1, stoppingToken);
        }

        return count + entries.Length;
    }

    /// <param name="deliveries">The entry's delivery count now: attempts before this one are counted against Delivery:MaxAttempts.</param>
    private void Dispatch(Shard shard, StreamEntry raw, int deliveries, CancellationToken stoppingToken)
    {
        var entry = DurableInbox.Parse(raw);
        Interlocked.Increment(ref shard.InFlight);
        shard.Running[raw.Id.ToString()] = 0;
        var key = entry?.Student ?? "inbox:malformed";
        var channel = entry?.Channel ?? "inbox";
        metrics.Dispatched(channel, InboxGaugeSampler.EnqueuedAtMs(raw.Id));
        var task = queue.Enqueue(key, channel, async ct =>
        {
            try
            {
                var delivery = new Delivery();
                var attempts = 0;
                var failure = await retry.RunAsync(
                    async (attempt, token) =>
                    {
                        attempts = attempt;
                        if (attempt > deliveries)
                        {
                            inbox.CountRedelivery(shard.Number, consumer, raw.Id);
                        }

                        using var activity = TurnTracing.Start(channel, entry?.TraceParent, attempt);
                        try
                        {
                            await HandleAsync(entry, delivery, token);
                        }
                        catch (Exception e)
                        {
                            activity.Failed(e);
                            throw;
                        }
                    },
                    attemptsSoFar: deliveries - 1,
                    channel,
                    ct);

                // Not reached when the host is stopping (the cancellation ends the work): the entry stays pending for the next owner.
                if (failure is null)
                {
                    await retry.PersistAsync(() => inbox.AcknowledgeAsync(shard.Number, raw.Id), "acknowledge an inbox entry", ct);
                }
                else
                {
                    await retry.PersistAsync(() => deadLetters.MoveAsync(shard.Number, raw.Id, entry, attempts, failure), "dead-letter an inbox entry", ct);
                }

                metrics.Handled(channel, deadLettered: failure is not null);
            }
            finally
            {
                shard.Running.TryRemove(raw.Id.ToString(), out _);
                Interlocked.Decrement(ref shard.InFlight);
            }
        }, stoppingToken);
        running.TryAdd(task, 0);
        _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task HandleAsync(InboxEntry? entry, Delivery delivery, CancellationToken cancellationToken)
    {
        if (entry is null)
        {
            throw new FormatException("An inbox entry without its channel, student, id or body.");
        }

        if (!byChannel.TryGetValue(entry.Channel, out var handler))
        {
            // A host configured without this channel (the others have it): an operator fixes that and replays it.
            InboxLog.NoHandler(logger, entry.Channel);
            throw new NotSupportedException($"No handler for channel {entry.Channel} on this host.");
        }

        // Decrypted here, inside the attempt: a body that cannot be opened fails like any other attempt and is dead-lettered as it is.
        await handler.HandleAsync(bodies.Open(entry), delivery, cancellationToken);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) => Volatile.Write(ref connectionLost, 1);

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(IdlePoll);
        try
        {
            await wake.Reader.WaitToReadAsync(timeout.Token);
            wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Poll interval elapsed.
        }
    }
}
