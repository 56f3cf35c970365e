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

    Task<PushResult> PushAsync(string studentId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken);
}

/// <summary>Routes a push to the student's channel.</summary>
public sealed class StudentMessenger(IEnumerable<IChannelPusher> pushers)
{
    private readonly Dictionary<string, IChannelPusher> byChannel = pushers.ToDictionary(p => p.Channel, StringComparer.Ordinal);

    public bool CanReach(StudentKey student) => byChannel.ContainsKey(student.Channel);

    public Task<PushResult> PushAsync(StudentKey student, IReadOnlyList<Reply> replies, CancellationToken cancellationToken) =>
        byChannel.TryGetValue(student.Channel, out var pusher)
            ? pusher.PushAsync(student.Id, replies, cancellationToken)
            : Task.FromResult(PushResult.Failed);
}
