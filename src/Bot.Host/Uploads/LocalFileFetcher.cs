using Bot.Dialogs.Conversation;

namespace Bot.Host.Uploads;

/// <summary>The terminal chat: a typed file path stands for an upload.</summary>
public sealed class LocalFileFetcher : IUploadFetcher
{
    public string Channel => "cli";

    public Task<byte[]> FetchAsync(UploadRef upload, CancellationToken cancellationToken)
    {
        var path = upload.FileId.StartsWith("file://", StringComparison.Ordinal) ? upload.FileId["file://".Length..] : upload.FileId;
        return File.ReadAllBytesAsync(path, cancellationToken);
    }
}
