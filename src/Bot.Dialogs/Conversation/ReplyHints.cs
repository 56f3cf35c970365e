namespace Bot.Dialogs.Conversation;

/// <summary>
/// A date question's window, for channels with a date picker (LINE's datetime picker). The picked date comes back as
/// typed text and is validated as such; channels without a picker ignore this and the student types the date.
/// </summary>
public sealed record DatePick(string Label, DateOnly Initial, DateOnly Earliest, DateOnly Latest);


/// <summary>
/// A message that carries a deadline, for channels that show it as a card (LINE's Flex): <see cref="Title"/> on top,
/// <see cref="Deadline"/> prominent under <see cref="DeadlineLabel"/>, then the reply's text. Others show the text.
/// </summary>
public sealed record DeadlineCard(string Title, string DeadlineLabel, DateOnly Deadline);
