using Bot.Dialogs.Conversation;

namespace Bot.Host.Uploads;

/// <summary>Downloads a file a student sent, from their channel (Telegram getFile, LINE content, a local path).</summary>
public interface IUploadFetcher
{
    string Channel { get; }

    Task<byte[]> FetchAsync(UploadRef upload, CancellationToken cancellationToken);
}
