namespace Bot.Dialogs.Conversation;

/// <summary>
/// A date question's window, for channels with a date picker (LINE's datetime picker). The picked date comes back as
/// typed text and is validated as such; channels without a picker ignore this and the student types the date.
/// </summary>
public sealed record DatePick(string Label, DateOnly Initial, DateOnly Earliest, DateOnly Latest);

