using System.Diagnostics;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Uploads;
using Bot.Host.Storage;

namespace Bot.Host.Uploads;

/// <summary>
/// Fetches what a student sent and runs it through the photo or document pipeline, off the update loop and
/// bounded to one image job per core, so one student's 12-megapixel photo never slows the others' turns.
/// </summary>
public sealed class UploadProcessor(
    IEnumerable<IUploadFetcher> fetchers,
    IEnumerable<Conversation.IBusyIndicator> indicators,
    IdPhotoMaker photos,
    DocumentPreparer documents,
    ILogger<UploadProcessor> logger,
    UploadMetrics? metrics = null)
{
    /// <summary>Bots may download at most 20 MB from Telegram; larger files are refused before downloading.</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, IUploadFetcher> byChannel = fetchers.ToDictionary(f => f.Channel, StringComparer.Ordinal);
    private readonly Dictionary<string, Conversation.IBusyIndicator> busy = indicators.ToDictionary(i => i.Channel, StringComparer.Ordinal);
    private readonly SemaphoreSlim cpu = new(Environment.ProcessorCount);

    public async Task<IReadOnlyList<ProcessedUpload>> ProcessAsync(StudentKey student, IReadOnlyList<UploadRef> uploads, UploadExpectation expected, CancellationToken cancellationToken)
    {
        // "sending photo…" / "sending file…" in the chat from before the download until the prepared file is ready.
        await using var showing = busy.TryGetValue(student.Channel, out var indicator)
            ? await indicator.ShowAsync(student, expected.IsPhoto ? Conversation.BusyWork.Photo : Conversation.BusyWork.Document, TimeSpan.Zero, cancellationToken)
            : null;
        var results = new List<ProcessedUpload>(uploads.Count);
        foreach (var upload in uploads)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = "failed";
            try
            {
                var processed = await ProcessOneAsync(student, upload, expected, cancellationToken);
                outcome = UploadMetrics.OutcomeOf(processed);
                results.Add(processed);
            }
            finally
            {
                metrics?.Upload(student.Channel, expected.IsPhoto, outcome, Stopwatch.GetElapsedTime(started));
            }
        }

        return results;
    }

    private static ProcessedUpload WithPreview(ProcessedUpload processed) =>
        processed.Photo?.Jpeg is { } jpeg ? processed with { Preview = PreviewMaker.Make(jpeg) } : processed;

    private async Task<ProcessedUpload> ProcessOneAsync(StudentKey student, UploadRef upload, UploadExpectation expected, CancellationToken cancellationToken)
    {
        if (upload.Size > MaxDownloadBytes)
        {
            return ProcessedUpload.Refused(expected.IsPhoto ? UploadMessageKeys.For(PhotoProblem.TooLarge) : UploadMessageKeys.For(DocumentProblem.TooLarge));
        }

        if (!byChannel.TryGetValue(student.Channel, out var fetcher))
        {
            return ProcessedUpload.Refused("upload.fetchFailed");
        }

        byte[] bytes;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(FetchTimeout);
            bytes = await fetcher.FetchAsync(upload, timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            UploadLog.FetchFailed(logger, student.Channel, e);
            return ProcessedUpload.Refused("upload.fetchFailed");
        }

        if (bytes.LongLength > MaxDownloadBytes)
        {
            return ProcessedUpload.Refused(expected.IsPhoto ? UploadMessageKeys.For(PhotoProblem.TooLarge) : UploadMessageKeys.For(DocumentProblem.TooLarge));
        }

        await cpu.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(
                () => expected.IsPhoto
                    ? WithPreview(new ProcessedUpload(Photo: photos.Make(bytes, upload.FileName)))
                    : new ProcessedUpload(Document: documents.Prepare(bytes, upload.FileName, expected.FileStem)),
                cancellationToken);
        }
        finally
        {
            cpu.Release();
        }
    }
}

/// <summary>The photo is sent back as a file (so the chat does not recompress it), with this small preview beside it.</summary>
file static class PreviewMaker
{
    /// <summary>Telegram's document thumbnail: JPEG, at most 320 px a side and 200 KB.</summary>
    private const uint PreviewHeight = 240;

    public static byte[] Make(byte[] jpeg)
    {
        using var image = new ImageMagick.MagickImage(jpeg);
        image.Thumbnail(0, PreviewHeight);
        image.Quality = 80;
        return image.ToByteArray(ImageMagick.MagickFormat.Jpeg);
    }
}

internal static partial class UploadLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Could not fetch a file a {Channel} student sent")]
    public static partial void FetchFailed(ILogger logger, string channel, Exception exception);
}
