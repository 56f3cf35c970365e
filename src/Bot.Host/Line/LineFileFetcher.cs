using Bot.Dialogs.Conversation;
using Bot.Host.Uploads;

namespace Bot.Host.Line;

/// <summary>Downloads an image or file a LINE student sent, from the content endpoint (Line:DataApiBaseUrl).</summary>
public sealed class LineFileFetcher(LineMessagingClient line) : IUploadFetcher
{
    public string Channel => "line";

    public async Task<byte[]> FetchAsync(UploadRef upload, CancellationToken cancellationToken) =>
        (await line.GetMessageContentAsync(upload.FileId, cancellationToken)).Data;
}
