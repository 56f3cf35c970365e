using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Dialogs.Reminders;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Limits;

/// <summary>
/// Whether the student may have a turn: a token bucket on turns and a daily upload quota, checked by the turn's own
/// first round trip before it takes the lease (<see cref="StudentStore.TryBeginAsync(StudentKey, LimitRequest?)"/>), so
/// one student flooding the bot costs one round trip a message instead of a turn, a platform send and (on LINE) a push
/// from the monthly quota, and other students are not kept waiting. A refused student is told once, in their language;
/// further refusals in the same flood (or day, for uploads) are silent. The same round trip takes away a
/// <see cref="BlockedMark"/>: a student writing has unblocked the bot.
/// </summary>
public sealed class StudentLimits(
    IConnectionMultiplexer redis,
    IOptions<StudentLimitsOptions> options,
    TimeProvider time,
    ILogger<StudentLimits> logger) : IStudentDataEraser
{
    public const string SlowDownKey = "limits.slowDown";
    public const string UploadsTodayKey = "limits.uploadsToday";

    /// <summary>The terminal chat is the operator at the keyboard.</summary>
    private const string UnlimitedChannel = "local";

    public static RedisKey BucketKey(StudentKey student) => "lim:" + student.Tag;

    public static RedisKey UploadsKey(StudentKey student, DateOnly day) => "lim:" + student.Tag + ":up:" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the turn's first round trip checks for this inbound; null when the student has no limits.</summary>
    public LimitRequest? RequestFor(StudentKey student, Inbound inbound)
    {
        if (student.Channel == UnlimitedChannel)
        {
            return null;
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        return new LimitRequest(
            BucketKey(student),
            BlockedMark.Key(student),
            UploadsKey(student, TaipeiTime.DateOf(now)),
            now.ToUnixTimeMilliseconds(),
            o.TurnBurst,
            o.TurnsPerMinute,
            inbound.Kind == InboundKind.Upload ? inbound.Uploads?.Count ?? 0 : 0,
            o.UploadsPerDay,
            (long)TimeSpan.FromDays(2).TotalSeconds);
    }

    /// <summary>The replies of a refused turn: the flood's one notice in the student's language (the saved record's, else the platform's hint), or none.</summary>
    public IReadOnlyList<Reply> Refusal(StudentKey student, LimitDecision decision, byte[]? record, Inbound inbound)
    {
        var language = record is null ? Languages.FromHint(inbound.LanguageHint) : StudentStateJson.Deserialize(record).Language;
        switch (decision)
        {
            case LimitDecision.SlowDown:
                LimitsLog.TurnsThrottled(logger, student.Channel);
                return [new Reply(MessageCatalogue.Default.Text(language, SlowDownKey))];
            case LimitDecision.UploadsToday:
                LimitsLog.UploadQuotaReached(logger, student.Channel);
                return [new Reply(MessageCatalogue.Default.Format(language, UploadsTodayKey, options.Value.UploadsPerDay))];
            default:
                return [];
        }
    }

    /// <summary>A student marked blocked wrote to the bot, so they unblocked it: broadcasts and reminders reach them again.</summary>
    public async Task ReturnedAsync(StudentKey student)
    {
        var db = redis.GetDatabase();
        await Task.WhenAll(
            db.SetRemoveAsync(Advisors.StudentDirectory.BlockedSet, student.ToString()),
            db.SetRemoveAsync(Reminders.ReminderStore.Blocked, student.ToString()));
        LimitsLog.Returned(logger, student.Channel);
    }

    /// <summary>/delete: the counters (and a blocked mark) go with everything else.</summary>
    public Task EraseAsync(StudentKey student, CancellationToken cancellationToken)
    {
        var today = TaipeiTime.DateOf(time.GetUtcNow());
        return redis.GetDatabase().KeyDeleteAsync([BucketKey(student), UploadsKey(student, today), UploadsKey(student, today.AddDays(-1)), BlockedMark.Key(student)]);
    }
}

/// <summary>What the turn's first round trip needs to check the limits; every key carries the student's hash tag.</summary>
public sealed record LimitRequest(RedisKey Bucket, RedisKey Blocked, RedisKey Uploads, long NowMs, int Burst, int PerMinute, int UploadCount, int Quota, long DayTtlSeconds);

/// <summary>The limits' verdict: admitted, or refused with the notice (once per flood or day) or silently.</summary>
public enum LimitDecision
{
    Admitted = 0,
    SlowDown = 1,
    SlowDownQuiet = 2,
    UploadsToday = 3,
    UploadsTodayQuiet = 4,
}
