namespace Bot.Dialogs.Uploads;

/// <summary>Why a document cannot be uploaded as sent; each has a message key telling the student what to do.</summary>
public enum DocumentProblem
{
    Unreadable,
    Empty,
    UnsupportedFormat,
    /// <summary>Over the input byte limit or too many pixels to decode safely.</summary>
    TooLarge,
    /// <summary>A PDF with more than <see cref="UploadLimits.MaxPdfPages"/> pages.</summary>
    TooManyPages,
    /// <summary>No way to get under 512 KB while keeping text legible (or Ghostscript failed or took too long).</summary>
    CannotShrink,
}
