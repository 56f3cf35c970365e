using Bot.Dialogs.Conversation;
using Bot.Host.Uploads;
using global::Telegram.Bot;

namespace Bot.Host.Telegram;

/// <summary>Downloads a student's photo or document through getFile, refusing anything over the bot download limit.</summary>
public sealed class TelegramFileFetcher(ITelegramBotClient bot, TelegramFloodControl flood) : IUploadFetcher
{
    public string Channel => "tg";

    public async Task<byte[]> FetchAsync(UploadRef upload, CancellationToken cancellationToken)
    {
        var file = await flood.CallAsync(ct => bot.GetFile(upload.FileId, ct), cancellationToken);
        if (file.FileSize > UploadProcessor.MaxDownloadBytes || file.FilePath is null)
        {
            throw new InvalidOperationException("The file is over the bot download limit or has no path.");
        }

        using var buffer = new MemoryStream(capacity: (int)(file.FileSize ?? 0));
        await bot.DownloadFile(file.FilePath, buffer, cancellationToken);
        return buffer.ToArray();
    }
}
