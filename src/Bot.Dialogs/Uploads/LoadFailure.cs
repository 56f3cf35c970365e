namespace Bot.Dialogs.Uploads;

/// <summary>Why a file could not be decoded; each pipeline maps it to its own problem enum.</summary>
internal enum LoadFailure
{
    None,
    Unreadable,
    UnsupportedFormat,
    TooLarge,
}
