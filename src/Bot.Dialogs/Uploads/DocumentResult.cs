namespace Bot.Dialogs.Uploads;

/// <summary>
/// The outcome of <see cref="DocumentPreparer.Prepare"/>: the files to upload (in page order) or the one problem.
/// <see cref="SummaryKey"/> with <see cref="SummaryArgs"/> is the one line telling the student what was done.
/// </summary>
public sealed record DocumentResult(bool Accepted, IReadOnlyList<PreparedFile> Files, DocumentProblem? Problem)
{
    public string SummaryKey { get; init; } = UploadMessageKeys.DocNotDone;

    public IReadOnlyList<string> SummaryArgs { get; init; } = [];

    public static DocumentResult Rejected(DocumentProblem problem) => new(false, [], problem);
}
