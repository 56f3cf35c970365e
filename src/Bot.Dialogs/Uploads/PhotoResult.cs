namespace Bot.Dialogs.Uploads;

/// <summary>
/// The outcome of <see cref="IdPhotoMaker.Make"/>. <see cref="Accepted"/> means no blocking problem;
/// warnings may still be listed. <see cref="SummaryKey"/> with <see cref="SummaryArgs"/> is the one
/// line telling the student what was done; <see cref="Crop"/> and <see cref="Face"/> are in the
/// pixels of the upright source (for tests and debugging).
/// </summary>
public sealed record PhotoResult(
    bool Accepted,
    byte[]? Jpeg,
    int Width,
    int Height,
    IReadOnlyList<PhotoProblem> Problems,
    string SummaryKey,
    IReadOnlyList<string> SummaryArgs,
    PixelRect? Crop = null,
    FaceBox? Face = null,
    int Quality = 0)
{
    public static PhotoResult Rejected(PhotoProblem problem) =>
        new(false, null, 0, 0, [problem], UploadMessageKeys.PhotoNotDone, []);
}
