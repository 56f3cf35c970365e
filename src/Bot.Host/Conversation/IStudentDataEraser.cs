using Bot.Host.Storage;

namespace Bot.Host.Conversation;

/// <summary>
/// A feature that keeps something of its own about a student (advisor threads, reachability marks). When the student
/// asks to delete their data, <see cref="TurnProcessor"/> calls every eraser after the record itself is gone.
/// </summary>
public interface IStudentDataEraser
{
    Task EraseAsync(StudentKey student, CancellationToken cancellationToken);
}
