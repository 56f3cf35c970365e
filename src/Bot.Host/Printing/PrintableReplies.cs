using Bot.Dialogs.Conversation;
using Bot.Dialogs.Printing;
using Bot.Host.Storage;

namespace Bot.Host.Printing;

/// <summary>
/// Between the dialog and the outbox: keeps the prepared ID photo a turn sends (<see cref="ReplyFile.IsIdPhoto"/>), and
/// draws the printable summary again with that photo (<see cref="Reply.Printable"/>). Costs a Redis call only on the
/// turns that send a photo or a PDF; every other turn passes through untouched.
/// </summary>
public sealed class PrintableReplies(PreparedPhotoStore photos, ILogger<PrintableReplies> logger)
{
    public async Task<TurnResult> CompleteAsync(StudentKey student, TurnResult result)
    {
        // Every turn passes here: a plain loop, no allocation, for the common turn with neither.
        var (hasPhoto, hasPrintable) = (false, false);
        for (var i = 0; i < result.Replies.Count; i++)
        {
            hasPhoto |= result.Replies[i].File?.IsIdPhoto == true;
            hasPrintable |= result.Replies[i].Printable is not null;
        }

        byte[]? photo = null;
        if (hasPhoto)
        {
            foreach (var reply in result.Replies)
            {
                if (reply.File is { IsIdPhoto: true } file && Shrink(file.Bytes) is { } small)
                {
                    photo = small;
                    await photos.KeepAsync(student, photo);
                }
            }
        }

        if (!hasPrintable)
        {
            return result;
        }

        photo ??= await photos.ReadAsync(student);
        return result with { Replies = [.. result.Replies.Select(r => r.Printable is { } summary ? WithPhoto(r, summary, photo) : r)] };
    }

    private byte[]? Shrink(byte[] jpeg)
    {
        try
        {
            return PrintPhoto.Shrink(jpeg);
        }
        catch (ImageMagick.MagickException e)
        {
            // Not kept: the PDF goes without the photo, the student still has the prepared file itself.
            PrintingLog.PhotoNotDrawn(logger, e);
            return null;
        }
    }

    private Reply WithPhoto(Reply reply, ApplicationSummary summary, byte[]? photo)
    {
        if (photo is null || reply.File is null)
        {
            return reply with { Printable = null };
        }

        try
        {
            return SummaryPdf.Render(summary, photo) is { } pdf
                ? reply with { File = reply.File with { Bytes = pdf }, Printable = null }
                : reply with { Printable = null };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A photo PDFsharp cannot read: the summary without it is still worth sending.
            PrintingLog.PhotoNotDrawn(logger, e);
            return reply with { Printable = null };
        }
    }
}

internal static partial class PrintingLog
{
    [LoggerMessage(EventId = 970, Level = LogLevel.Warning, Message = "The prepared photo could not be kept for or drawn into the printable summary, which goes without it")]
    public static partial void PhotoNotDrawn(ILogger logger, Exception exception);
}
