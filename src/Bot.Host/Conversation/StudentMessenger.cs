using Bot.Dialogs.Conversation;
using Bot.Host.Storage;

namespace Bot.Host.Conversation;

public enum PushResult
{
    Sent,
    /// <summary>The student blocked the bot or unfollowed: stop pushing until they come back.</summary>
    Blocked,
    Failed,
}

/// <summary>Sends to a student outside a turn (reminders, broadcasts, advisors' answers) on their channel.</summary>
public interface IChannelPusher
{
    string Channel { get; }

    /// <param name="sendKey">
    /// The same for the same logical send (a reminder): a channel that can (LINE, by retry key) delivers it at most once
    /// even when it is sent again after a crash or a lost answer. Null: every call is a new send.
    /// </param>
    Task<PushResult> PushAsync(string studentId, IReadOnlyList<Reply> replies, string? sendKey, CancellationToken cancellationToken);
}

/// <summary>Routes a push to the student's channel.</summary>
public sealed class StudentMessenger(IEnumerable<IChannelPusher> pushers)
{
    private readonly Dictionary<string, IChannelPusher> byChannel = pushers.ToDictionary(p => p.Channel, StringComparer.Ordinal);

    public bool CanReach(StudentKey student) => byChannel.ContainsKey(student.Channel);

    public Task<PushResult> PushAsync(StudentKey student, IReadOnlyList<Reply> replies, CancellationToken cancellationToken) =>
        PushAsync(student, replies, sendKey: null, cancellationToken);

    /// <summary>A send that may be repeated (see <see cref="IChannelPusher.PushAsync"/>'s sendKey).</summary>
    public Task<PushResult> PushAsync(StudentKey student, IReadOnlyList<Reply> replies, string? sendKey, CancellationToken cancellationToken) =>
        byChannel.TryGetValue(student.Channel, out var pusher)
            ? pusher.PushAsync(student.Id, replies, sendKey, cancellationToken)
            : Task.FromResult(PushResult.Failed);
}
