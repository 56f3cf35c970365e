using StackExchange.Redis;

namespace Bot.Host.Storage;

/// <summary>
/// A student a send found unreachable (Telegram's 403 "blocked by the user", a LINE unfollow) is recorded in shared sets
/// that broadcasts and reminders consult, and marked among their own keys (<c>blk:{tg:123}</c>). Whoever writes to the
/// bot has unblocked it: the turn's first round trip (<see cref="Limits.StudentLimits"/>) takes the mark away, and only
/// then, rarely, are the shared sets cleaned, so an ordinary turn pays nothing for this.
/// </summary>
public static class BlockedMark
{
    /// <summary>As long as a silent student's record is kept by default; the pruner and /delete remove it sooner.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(400);

    public static RedisKey Key(StudentKey student) => "blk:" + student.Tag;

    public static Task SetAsync(IDatabase db, StudentKey student) => db.StringSetAsync(Key(student), "1", Lifetime);
}
