using Bot.Host.Storage;

namespace Bot.Host.Conversation;

/// <summary>What the student is told the bot is busy with while a turn works.</summary>
public enum BusyWork
{
    /// <summary>A reply is being written (a long turn: the PDF summary, a slow Redis).</summary>
    Typing,

    /// <summary>Their photo is being cropped into an ID photo.</summary>
    Photo,

    /// <summary>Their document is being checked and shrunk.</summary>
    Document,
}

/// <summary>
/// Shows a student that the bot is working on their message, on channels that can (Telegram's chat actions). Best effort:
/// showing it never fails, delays or loses the reply.
/// </summary>
public interface IBusyIndicator
{
    string Channel { get; }

    /// <summary>
    /// Shows <paramref name="work"/> until the returned scope is disposed: at once (returning once the first signal went,
    /// or a moment later at most) or, with <paramref name="after"/>, only if the work is still going on by then.
    /// </summary>
    ValueTask<IAsyncDisposable> ShowAsync(StudentKey student, BusyWork work, TimeSpan after, CancellationToken cancellationToken);
}
