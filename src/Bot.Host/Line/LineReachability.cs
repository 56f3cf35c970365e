using StackExchange.Redis;

namespace Bot.Host.Line;

/// <summary>
/// LINE users who unfollowed (blocked) the account: pushes to them are skipped, their data is kept until they
/// ask to delete it or it expires. Following again removes the mark.
/// </summary>
public sealed class LineReachability(IConnectionMultiplexer redis) : Conversation.IStudentDataEraser
{
    public static readonly RedisKey Unreachable = "line:unreachable";

    /// <summary>Unfollowed: no pushes, and broadcasts skip them (<see cref="Advisors.StudentDirectory.BlockedSet"/>).</summary>
    public Task MarkUnreachableAsync(string userId)
    {
        var db = redis.GetDatabase();
        return Task.WhenAll(
            db.SetAddAsync(Unreachable, userId),
            db.SetAddAsync(Advisors.StudentDirectory.BlockedSet, "line:" + userId),
            Storage.BlockedMark.SetAsync(db, new Storage.StudentKey(LineEventMapper.Channel, userId)));
    }

    public Task MarkReachableAsync(string userId)
    {
        var db = redis.GetDatabase();
        return Task.WhenAll(db.SetRemoveAsync(Unreachable, userId), db.SetRemoveAsync(Advisors.StudentDirectory.BlockedSet, "line:" + userId));
    }

    public Task<bool> IsUnreachableAsync(string userId) => redis.GetDatabase().SetContainsAsync(Unreachable, userId);

    /// <summary>/delete: nothing about the student stays, not even that they once unfollowed.</summary>
    public Task EraseAsync(Storage.StudentKey student, CancellationToken cancellationToken) =>
        student.Channel == "line" ? MarkReachableAsync(student.Id) : Task.CompletedTask;
}
