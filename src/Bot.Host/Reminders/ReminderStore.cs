using Bot.Dialogs.Reminders;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Reminders;

/// <summary>A reminder taken by one scheduler: <see cref="Member"/> is "student|dedupKey", <see cref="Token"/> proves the claim.</summary>
public sealed record ClaimedReminder(string Member, StudentKey Student, string DedupKey, string Token);

/// <summary>Due reminders in Redis: planned per student, claimed with a lease, acknowledged once sent.</summary>
public sealed class ReminderStore(IConnectionMultiplexer redis, IOptions<ReminderOptions> options) : Conversation.IStudentDataEraser
{
    /// <summary>Every planned, unsent reminder of every student, scored by due time (Unix ms).</summary>
    public static readonly RedisKey Due = "{rm}:due";

    /// <summary>Reminders being sent, scored by the claim's lease deadline (Unix ms).</summary>
    public static readonly RedisKey Claimed = "{rm}:claimed";

    /// <summary>member → token of the claim that holds it.</summary>
    public static readonly RedisKey Tokens = "{rm}:tokens";

    /// <summary>Students whose channel refused a push (blocked the bot): reminders for them are skipped.</summary>
    public static readonly RedisKey Blocked = "{rm}:blocked";

    private readonly ReminderOptions options = options.Value;

    // Every reminder key, the per-student ones included, carries the {rm} hash tag: the scripts touch a student's plan
    // and sent markers together with the due set, so on a Redis Cluster they must all live in one slot.
    public static RedisKey PlanKey(StudentKey student) => "{rm}:plan:" + student;

    public static RedisKey SentKey(StudentKey student, string dedupKey) => "{rm}:sent:" + student + ":" + dedupKey;

    public static string Member(StudentKey student, string dedupKey) => student + "|" + dedupKey;

    /// <summary>Replaces the student's planned reminders (an empty plan removes them all); already sent ones are skipped.</summary>
    /// <param name="saidUntil">Reminders due by then count as sent: the turn that planned them has just told the student.</param>
    public async Task ReplanAsync(StudentKey student, IReadOnlyList<PlannedReminder> plan, DateTimeOffset? saidUntil = null)
    {
        var args = new List<RedisValue>
        {
            (long)TimeSpan.FromDays(options.SentMarkerDays).TotalMilliseconds,
            student.ToString(),
            saidUntil?.ToUnixTimeMilliseconds() ?? long.MinValue,
        };
        var keys = new List<RedisKey> { PlanKey(student), Due, Claimed, Blocked };
        foreach (var reminder in plan)
        {
            args.Add(Member(student, reminder.DedupKey));
            args.Add(reminder.DueAt.ToUnixTimeMilliseconds());
            keys.Add(SentKey(student, reminder.DedupKey));
        }

        await redis.GetDatabase().ScriptEvaluateAsync(ReminderScripts.Replan, [.. keys], [.. args]);
    }

    /// <summary>Takes up to <paramref name="limit"/> reminders due at <paramref name="now"/>, and returns expired claims to the due set first.</summary>
    public async Task<IReadOnlyList<ClaimedReminder>> ClaimAsync(DateTimeOffset now, int limit)
    {
        var token = Guid.NewGuid().ToString("N");
        var leaseUntil = now + TimeSpan.FromSeconds(options.ClaimLeaseSeconds);
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            ReminderScripts.Claim,
            [Due, Claimed, Tokens],
            [now.ToUnixTimeMilliseconds(), leaseUntil.ToUnixTimeMilliseconds(), limit, token]);
        return [.. ((RedisResult[])result!).Select(r => Parse((string)r!, token))];
    }

    /// <summary>Finishes a claim; with <paramref name="sent"/> the reminder is marked so it is never planned again.</summary>
    public async Task<bool> AckAsync(ClaimedReminder claim, bool sent)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            ReminderScripts.Ack,
            [Claimed, Tokens, SentKey(claim.Student, claim.DedupKey)],
            [claim.Member, claim.Token, sent ? "1" : "0", (long)TimeSpan.FromDays(options.SentMarkerDays).TotalSeconds]);
        return (long)result == 1;
    }

    /// <summary>Gives a claim back to the due set for <paramref name="dueAt"/>.</summary>
    public async Task<bool> RescheduleAsync(ClaimedReminder claim, DateTimeOffset dueAt)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            ReminderScripts.Reschedule,
            [Claimed, Tokens, Due],
            [claim.Member, claim.Token, dueAt.ToUnixTimeMilliseconds()]);
        return (long)result == 1;
    }

    public async Task<bool> WasSentAsync(StudentKey student, string dedupKey) =>
        await redis.GetDatabase().KeyExistsAsync(SentKey(student, dedupKey));

    public async Task<bool> IsBlockedAsync(StudentKey student) =>
        await redis.GetDatabase().SetContainsAsync(Blocked, student.ToString());

    public async Task MarkBlockedAsync(StudentKey student)
    {
        var db = redis.GetDatabase();
        await Task.WhenAll(db.SetAddAsync(Blocked, student.ToString()), BlockedMark.SetAsync(db, student));
    }

    /// <summary>
    /// /delete: the student's plan, their entries in the due, claimed and token sets, their blocked mark and every "sent"
    /// marker (which names a date such as the ARC expiry and would otherwise live <c>Reminders:SentMarkerDays</c>). The
    /// markers are found by their name (a SCAN: /delete is rare, and so markers stored before this need no index).
    /// </summary>
    public async Task EraseAsync(StudentKey student, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var prefix = RedisScan.Literal(student + "|") + "*";
        var sent = new List<RedisKey>();
        await foreach (var key in RedisScan.KeysAsync(redis, RedisScan.Literal(SentKey(student, string.Empty).ToString()) + "*").WithCancellation(cancellationToken))
        {
            sent.Add(key);
        }

        var due = new List<RedisValue>();
        await foreach (var entry in db.SortedSetScanAsync(Due, prefix, pageSize: 1000).WithCancellation(cancellationToken))
        {
            due.Add(entry.Element);
        }

        var claimed = new List<RedisValue>();
        await foreach (var entry in db.SortedSetScanAsync(Claimed, prefix, pageSize: 1000).WithCancellation(cancellationToken))
        {
            claimed.Add(entry.Element);
        }

        await Task.WhenAll(
            db.SortedSetRemoveAsync(Due, [.. due]),
            db.SortedSetRemoveAsync(Claimed, [.. claimed]),
            db.HashDeleteAsync(Tokens, [.. claimed]),
            db.SetRemoveAsync(Blocked, student.ToString()),
            db.KeyDeleteAsync([PlanKey(student), .. sent]));
    }

    private static ClaimedReminder Parse(string member, string token)
    {
        var bar = member.IndexOf('|', StringComparison.Ordinal);
        return new ClaimedReminder(member, StudentKey.Parse(member[..bar]), member[(bar + 1)..], token);
    }
}
