namespace Bot.Host.Roster;

internal static partial class RosterLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "A {Channel} student's roster entry could not be written with their turn; a rebuild puts it right")]
    public static partial void WriteFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "A {Channel} student's roster entry could not be repaired after a lost lease; a rebuild puts it right")]
    public static partial void RepairFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Roster rebuild started: {Total} students")]
    public static partial void RebuildStarted(ILogger logger, long total);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Roster rebuilt: {Written} entries from {Total} students, {Removed} entries of students who are gone removed")]
    public static partial void Rebuilt(ILogger logger, long written, long total, long removed);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Roster rebuild failed; it is tried again")]
    public static partial void RebuildFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Skipped an unreadable {Channel} student record while rebuilding the roster")]
    public static partial void Unreadable(ILogger logger, string channel, Exception exception);
}
