namespace Bot.Dialogs.Uploads;

/// <summary>A format recognised from the file's first bytes, never from its name.</summary>
public enum FileFormat
{
    Unknown,
    Jpeg,
    Png,
    Bmp,
    Heif,
    WebP,
    Pdf,
}
