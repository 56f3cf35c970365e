using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using Bot.Host.Files;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Retention;

/// <summary>
/// Keeps what a case needs and no more, told after every turn that changed a case: a completed case (collected, or not
/// approved) has its files deleted at once (the student has them), and a collected case is listed in
/// <see cref="Expiring"/> by when its personal fields expire (<see cref="RetentionOptions.CollectedCaseDays"/> after
/// collection), for <see cref="RetentionLoop"/>. /delete takes the student out of the list.
/// </summary>
public sealed class RetentionIndex(
    IConnectionMultiplexer redis,
    FileStore files,
    IOptions<RetentionOptions> options,
    ILogger<RetentionIndex> logger) : ITimelineListener, IStudentDataEraser
{
    /// <summary>Collected cases still holding personal data, scored by when it expires (Unix ms).</summary>
    public static readonly RedisKey Expiring = "ret:collected";

    public async Task TimelineChangedAsync(StudentKey student, StudentState? state, CancellationToken cancellationToken)
    {
        try
        {
            if (state is null)
            {
                await ForgetAsync(student);
                return;
            }

            if (state.Case?.Stage is CaseStage.Collected or CaseStage.NotApproved)
            {
                await files.DeleteAllAsync(student);
            }

            await ScheduleAsync(student, state);
        }
        catch (RedisException e)
        {
            // The turn is saved; the files expire on their own (7 days) and the next change of the case lists it again.
            RetentionLog.IndexFailed(logger, student.Channel, e);
        }
    }

    public Task EraseAsync(StudentKey student, CancellationToken cancellationToken) => ForgetAsync(student);

    /// <summary>Lists the student by when their collected case expires, or takes them out when nothing will expire.</summary>
    public Task ScheduleAsync(StudentKey student, StudentState state) =>
        CollectedCaseRetention.ExpiresAt(state, options.Value.CollectedCaseKeptFor) is { } at && CollectedCaseRetention.HoldsPersonalData(state)
            ? redis.GetDatabase().SortedSetAddAsync(Expiring, student.ToString(), at.ToUnixTimeMilliseconds())
            : ForgetAsync(student);

    public async Task<IReadOnlyList<StudentKey>> DueAsync(DateTimeOffset now, int count) =>
        [.. (await redis.GetDatabase().SortedSetRangeByScoreAsync(Expiring, double.NegativeInfinity, now.ToUnixTimeMilliseconds(), take: count))
            .Select(m => StudentKey.Parse(m.ToString()))];

    public Task ForgetAsync(StudentKey student) => redis.GetDatabase().SortedSetRemoveAsync(Expiring, student.ToString());
}
