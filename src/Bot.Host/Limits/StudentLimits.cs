using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Dialogs.Reminders;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Limits;

/// <summary>
/// Decides, before a turn takes the student's lease, whether the student may have it: a token bucket on turns and a
/// daily upload quota, so one student flooding the bot costs one Redis round trip a message instead of a turn, a
/// platform send and (on LINE) a push from the monthly quota, and other students are not kept waiting. A refused
/// student is told once, in their language; further refusals in the same flood (or day, for uploads) are silent.
/// The same round trip takes away a <see cref="BlockedMark"/>: a student writing has unblocked the bot.
/// </summary>
public sealed class StudentLimits(
    IConnectionMultiplexer redis,
    StudentStore store,
    IOptions<StudentLimitsOptions> options,
    TimeProvider time,
    ILogger<StudentLimits> logger) : IStudentDataEraser
{
    public const string SlowDownKey = "limits.slowDown";
    public const string UploadsTodayKey = "limits.uploadsToday";

    /// <summary>The terminal chat is the operator at the keyboard.</summary>
    private const string UnlimitedChannel = "local";

    private enum Decision
    {
        Admitted = 0,
        SlowDown = 1,
        SlowDownQuiet = 2,
        UploadsToday = 3,
        UploadsTodayQuiet = 4,
    }

    public static RedisKey BucketKey(StudentKey student) => "lim:" + student.Tag;

    public static RedisKey UploadsKey(StudentKey student, DateOnly day) => "lim:" + student.Tag + ":up:" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Null: go ahead with the turn. Otherwise the turn is skipped and these replies (the one notice, or none) are sent instead.</summary>
    public async Task<IReadOnlyList<Reply>?> RefuseAsync(StudentKey student, Inbound inbound, CancellationToken cancellationToken)
    {
        if (student.Channel == UnlimitedChannel)
        {
            return null;
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        var today = TaipeiTime.DateOf(now);
        var uploads = inbound.Kind == InboundKind.Upload ? inbound.Uploads?.Count ?? 0 : 0;
        var outcome = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(StudentLimitScripts.Admit, new
        {
            bucket = BucketKey(student),
            blocked = BlockedMark.Key(student),
            uploadsKey = UploadsKey(student, today),
            nowMs = now.ToUnixTimeMilliseconds(),
            burst = o.TurnBurst,
            perMinute = o.TurnsPerMinute,
            uploads,
            quota = o.UploadsPerDay,
            dayTtl = (long)TimeSpan.FromDays(2).TotalSeconds,
        }))!;
        var decision = (Decision)(long)outcome[0];
        if ((long)outcome[1] == 1)
        {
            await ReturnedAsync(student);
        }

        switch (decision)
        {
            case Decision.Admitted:
                return null;
            case Decision.SlowDown:
                LimitsLog.TurnsThrottled(logger, student.Channel);
                return [new Reply(MessageCatalogue.Default.Text(await LanguageOfAsync(student, inbound), SlowDownKey))];
            case Decision.UploadsToday:
                LimitsLog.UploadQuotaReached(logger, student.Channel);
                return [new Reply(MessageCatalogue.Default.Format(await LanguageOfAsync(student, inbound), UploadsTodayKey, o.UploadsPerDay))];
            default:
                return [];
        }
    }

    /// <summary>/delete: the counters (and a blocked mark) go with everything else.</summary>
    public Task EraseAsync(StudentKey student, CancellationToken cancellationToken)
    {
        var today = TaipeiTime.DateOf(time.GetUtcNow());
        return redis.GetDatabase().KeyDeleteAsync([BucketKey(student), UploadsKey(student, today), UploadsKey(student, today.AddDays(-1)), BlockedMark.Key(student)]);
    }

    /// <summary>A student marked blocked wrote to the bot, so they unblocked it: broadcasts and reminders reach them again.</summary>
    private async Task ReturnedAsync(StudentKey student)
    {
        var db = redis.GetDatabase();
        await Task.WhenAll(
            db.SetRemoveAsync(Advisors.StudentDirectory.BlockedSet, student.ToString()),
            db.SetRemoveAsync(Reminders.ReminderStore.Blocked, student.ToString()));
        LimitsLog.Returned(logger, student.Channel);
    }

    /// <summary>Only for the one notice of a flood: the saved choice, else what the platform suggests.</summary>
    private async Task<Language> LanguageOfAsync(StudentKey student, Inbound inbound)
    {
        var record = await store.ReadAsync(student);
        return record is null ? Languages.FromHint(inbound.LanguageHint) : StudentStateJson.Deserialize(record).Language;
    }
}
