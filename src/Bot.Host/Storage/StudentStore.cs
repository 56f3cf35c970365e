using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Storage;

/// <summary>A student's record as read at the start of a turn, with the lease that makes the turn exclusive.</summary>
public sealed record TurnLease(StudentKey Student, string Token, byte[]? Record, byte[]? Outbox)
{
    /// <summary>The channel's ids of the bot's messages still showing a question's buttons (comma-separated; empty: none).</summary>
    public string ShownButtons { get; init; } = string.Empty;
}

/// <summary>
/// The first round trip of a turn: the lease taken, or the time its holder still has, or (on the first attempt) the
/// per-student limits' refusal with the record for the notice's language. <see cref="Returned"/>: the student carried a
/// blocked mark, now taken away (they unblocked the bot).
/// </summary>
public sealed record TurnBegin(TurnLease? Lease, TimeSpan Wait, Limits.LimitDecision Refusal, byte[]? Record, bool Returned);

/// <summary>
/// Reads and writes students in Redis: two round trips per turn (begin, commit with the roster's write beside it). The record
/// is encrypted here (<see cref="Encryption.StorageCipher"/>, bound to its key), so callers only see its JSON; a record saved
/// before encryption is read as it is and encrypted by its next save. The outbox is encoded by <see cref="Conversation.OutboxCodec"/>.
/// </summary>
/// <param name="metrics">Times each script call (and traces it); none when a test builds the store by hand.</param>
public sealed class StudentStore(IConnectionMultiplexer redis, IOptions<StorageOptions> options, Encryption.StorageCipher cipher, RedisMetrics? metrics = null)
{
    private readonly StorageOptions options = options.Value;

    public Encryption.StorageCipher Cipher => cipher;

    /// <summary>How long the last turn's replies are kept to answer a redelivered update without running it twice.</summary>
    private static readonly TimeSpan OutboxLifetime = TimeSpan.FromHours(1);

    public static RedisKey RecordKey(StudentKey student) => "st:" + student.Tag;

    public static RedisKey LeaseKey(StudentKey student) => "ls:" + student.Tag;

    public static RedisKey OutboxKey(StudentKey student) => "ob:" + student.Tag;

    /// <summary>
    /// The bot's messages still showing a question's buttons (Telegram message ids), read with the record so a channel
    /// can take them away once the student answered; written after the replies are sent (<see cref="RememberButtons"/>).
    /// </summary>
    public static RedisKey ButtonsKey(StudentKey student) => "kb:" + student.Tag;

    /// <summary>Old buttons are left alone after this long without a turn (the key holds message ids only).</summary>
    private static readonly TimeSpan ButtonsLifetime = TimeSpan.FromDays(14);

    /// <summary>
    /// Everyone the bot knows, scored by last activity (Unix seconds): for reminders, broadcasts and the dashboard.
    /// It lives in its own slot, so it is updated beside the turn script, not inside it.
    /// </summary>
    public static readonly RedisKey StudentsIndex = "students";

    public TimeSpan LeaseDuration => TimeSpan.FromSeconds(options.TurnLeaseSeconds);

    /// <summary>Tries to take the student; null with the time the current holder still has when another turn holds them.</summary>
    public async Task<(TurnLease? Lease, TimeSpan Wait)> TryBeginAsync(StudentKey student)
    {
        var begin = await TryBeginAsync(student, null);
        return (begin.Lease, begin.Wait);
    }

    /// <summary>
    /// Tries to take the student, checking <paramref name="limit"/> first in the same round trip (a turn's first attempt);
    /// a refused turn takes no lease. With no limit (retries, the terminal chat, advisors' edits) only the lease.
    /// </summary>
    public async Task<TurnBegin> TryBeginAsync(StudentKey student, Limits.LimitRequest? limit)
    {
        var token = Guid.NewGuid().ToString("N");
        using var roundTrip = metrics?.Start("begin");
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(TurnScripts.Begin, new
        {
            lease = LeaseKey(student),
            record = RecordKey(student),
            outbox = OutboxKey(student),
            buttons = ButtonsKey(student),
            token,
            leaseMs = (long)LeaseDuration.TotalMilliseconds,
            check = limit is null ? "0" : "1",
            // Without a check the limit keys are still named (a cluster routes a script by its keys), never touched.
            bucket = limit?.Bucket ?? Limits.StudentLimits.BucketKey(student),
            blocked = limit?.Blocked ?? BlockedMark.Key(student),
            uploadsKey = limit?.Uploads ?? Limits.StudentLimits.BucketKey(student),
            nowMs = limit?.NowMs ?? 0,
            burst = limit?.Burst ?? 0,
            perMinute = limit?.PerMinute ?? 0,
            uploads = limit?.UploadCount ?? 0,
            quota = limit?.Quota ?? 0,
            dayTtl = limit?.DayTtlSeconds ?? 0,
        }))!;

        switch ((long)result[0])
        {
            case 1:
                var lease = new TurnLease(student, token, null, Bytes(result[2])) { ShownButtons = result[4].IsNull ? string.Empty : (string)result[4]! };
                try
                {
                    lease = lease with { Record = Open(student, Bytes(result[1])) };
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    // Its key is missing or it was tampered with: the turn fails, and the student is not held until the lease expires.
                    await TryReleaseAsync(lease);
                    throw;
                }

                return new TurnBegin(lease, TimeSpan.Zero, Limits.LimitDecision.Admitted, null, (long)result[3] == 1);
            case 2:
                return new TurnBegin(null, TimeSpan.Zero, (Limits.LimitDecision)(long)result[1], Open(student, Bytes(result[2])), (long)result[3] == 1);
            default:
                var pttl = (long)result[1];
                return new TurnBegin(null, TimeSpan.FromMilliseconds(Math.Max(pttl, 1)), Limits.LimitDecision.Admitted, null, (long)result[2] == 1);
        }
    }

    /// <summary>
    /// Saves the new record (its JSON, encrypted here) and this turn's outbox, and releases the student. False when the lease
    /// was lost (the turn took too long). <paramref name="alongside"/> queues commands for other keys (the roster's shard,
    /// another cluster slot) in the same flush, so they cost the turn no extra round trip; they run whether or not the commit
    /// succeeds (the caller repairs what they wrote when it did not) and must handle their own failures.
    /// </summary>
    public async Task<bool> CommitAsync(TurnLease lease, byte[]? record, byte[] outbox, Func<IDatabaseAsync, Task>? alongside = null)
    {
        using var roundTrip = metrics?.Start("commit");
        var args = new
        {
            lease = LeaseKey(lease.Student),
            record = RecordKey(lease.Student),
            outbox = OutboxKey(lease.Student),
            buttons = ButtonsKey(lease.Student),
            token = lease.Token,
            erase = record is null ? "1" : "0",
            value = record is null ? [] : cipher.Seal(record, RecordKey(lease.Student).ToString()),
            ttl = (long)TimeSpan.FromDays(options.RetentionDays).TotalSeconds,
            sent = outbox,
            outboxTtl = (long)OutboxLifetime.TotalSeconds,
        };
        var db = redis.GetDatabase();
        if (alongside is null)
        {
            return (long)await db.ScriptEvaluateAsync(TurnScripts.Commit, args) == 1;
        }

        var batch = db.CreateBatch();
        var commit = batch.ScriptEvaluateAsync(TurnScripts.Commit, args);
        var other = alongside(batch);
        batch.Execute();
        var saved = (long)await commit == 1;
        await other;
        return saved;
    }

    /// <summary>Records the student in the index; sent without waiting, so it costs the turn no round trip.</summary>
    public void Touch(StudentKey student, DateTimeOffset now) =>
        redis.GetDatabase().SortedSetAdd(StudentsIndex, student.ToString(), now.ToUnixTimeSeconds(), CommandFlags.FireAndForget);

    /// <summary>
    /// Records which messages show a question's buttons now (empty: none), after they were sent, unless the student was
    /// deleted meanwhile. Sent without waiting: it costs the turn no round trip, and losing it only leaves old buttons in
    /// place (a press on one is still answered).
    /// </summary>
    public void RememberButtons(StudentKey student, string shown)
    {
        var db = redis.GetDatabase();
        if (shown.Length == 0)
        {
            db.KeyDelete(ButtonsKey(student), CommandFlags.FireAndForget);
        }
        else
        {
            db.ScriptEvaluate(
                TurnScripts.RememberButtons,
                new { record = RecordKey(student), buttons = ButtonsKey(student), shown, ttlMs = (long)ButtonsLifetime.TotalMilliseconds },
                CommandFlags.FireAndForget);
        }
    }

    public void Forget(StudentKey student) =>
        redis.GetDatabase().SortedSetRemove(StudentsIndex, student.ToString(), CommandFlags.FireAndForget);

    /// <summary>Keeps the student for a slow turn (an upload being processed); false when the lease was already lost.</summary>
    public async Task<bool> ExtendAsync(TurnLease lease, TimeSpan duration)
    {
        using var roundTrip = metrics?.Start("extend");
        return (long)await redis.GetDatabase().ScriptEvaluateAsync(TurnScripts.Extend, new { lease = LeaseKey(lease.Student), token = lease.Token, leaseMs = (long)duration.TotalMilliseconds }) == 1;
    }

    public async Task ReleaseAsync(TurnLease lease)
    {
        using var roundTrip = metrics?.Start("release");
        await redis.GetDatabase().ScriptEvaluateAsync(TurnScripts.Release, new { lease = LeaseKey(lease.Student), token = lease.Token });
    }

    /// <summary>Gives the student back after a failed or cancelled turn; when Redis is unreachable too, the lease simply expires.</summary>
    public async Task TryReleaseAsync(TurnLease lease)
    {
        try
        {
            await ReleaseAsync(lease);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The lease's own expiry (Storage:TurnLeaseSeconds) frees the student.
        }
    }

    /// <summary>
    /// The replies of the turn that answered <paramref name="inboundId"/> could not all be sent: keep its outbox as long as
    /// the record instead of an hour, so however late the inbound is tried again (a dead letter replayed days later) it is
    /// answered from the outbox rather than run a second time. Best effort: false when Redis is unreachable too.
    /// </summary>
    public async Task<bool> TryKeepOutboxAsync(StudentKey student, string inboundId)
    {
        try
        {
            using var roundTrip = metrics?.Start("keep_outbox");
            return (long)await redis.GetDatabase().ScriptEvaluateAsync(TurnScripts.KeepOutbox, new
            {
                outbox = OutboxKey(student),
                inbound = inboundId,
                ttl = (long)TimeSpan.FromDays(options.RetentionDays).TotalSeconds,
            }) == 1;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The student's record (its JSON), or null when there is none.</summary>
    public async Task<byte[]?> ReadAsync(StudentKey student) => Open(student, Bytes(await redis.GetDatabase().StringGetAsync(RecordKey(student))));

    /// <summary>A record value read from <see cref="RecordKey"/> by other means (a batch of GETs), as its JSON.</summary>
    public byte[]? Open(StudentKey student, byte[]? stored) => cipher.OpenOrPlain(stored, RecordKey(student).ToString());

    private static byte[]? Bytes(RedisResult result) => result.IsNull ? null : (byte[]?)result;

    private static byte[]? Bytes(RedisValue value) => value.IsNull ? null : (byte[]?)value;
}
