namespace Bot.Dialogs.Uploads;

/// <summary>
/// What the host made of one file the student sent, before the dialog sees it: the pipelines run outside the
/// dialog (they need the file's bytes, from the platform, and CPU time off the update loop).
/// </summary>
public sealed record ProcessedUpload(PhotoResult? Photo = null, DocumentResult? Document = null, string? ProblemKey = null)
{
    /// <summary>A small JPEG of the prepared photo, shown by chats that send the photo itself as a file.</summary>
    public byte[]? Preview { get; init; }

    /// <summary>The file could not be fetched or was refused before processing (e.g. over the download limit).</summary>
    public static ProcessedUpload Refused(string problemKey) => new(ProblemKey: problemKey);
}

/// <summary>What the dialog waits for now: the ID photo, or a document slot (its file name stem, e.g. "2-passport").</summary>
public sealed record UploadExpectation(string SlotId, bool IsPhoto, string FileStem);
