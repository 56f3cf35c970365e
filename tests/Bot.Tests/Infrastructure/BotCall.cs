using System.Text.Json.Nodes;

namespace Bot.Tests.Infrastructure;

/// <summary>One Bot API call the bot made to <see cref="FakeTelegramServer"/>, as tests assert on it.</summary>
/// <param name="Text">The message text, or the caption for media.</param>
/// <param name="MessageId">The message sent (first one for a media group), edited or deleted.</param>
/// <param name="ErrorCode">Null when the fake answered ok; otherwise the error code it answered (400, 403, 429...).</param>
public sealed record BotCall(
    string Method,
    long? ChatId,
    string? Text,
    JsonObject? ReplyMarkup,
    int? MessageId,
    IReadOnlyList<UploadedFile> Files,
    JsonObject Parameters,
    DateTimeOffset Timestamp,
    int? ErrorCode = null,
    string? ErrorDescription = null)
{
    public bool Succeeded => ErrorCode is null;

    /// <summary>The single uploaded file of sendDocument/sendPhoto, if any.</summary>
    public UploadedFile? Document => Files.Count > 0 ? Files[0] : null;

    /// <summary>callback_data of every inline button, row by row, to assert on menus without JSON digging.</summary>
    public IReadOnlyList<string> CallbackData =>
        ReplyMarkup?["inline_keyboard"] is JsonArray rows
            ? [.. rows.SelectMany(r => r!.AsArray()).Select(b => (string?)b?["callback_data"]).OfType<string>()]
            : [];

    /// <summary>The copy buttons (copy_text) of the inline keyboard: each button's label and the text it copies.</summary>
    public IReadOnlyList<(string Label, string Copies)> CopyButtons =>
        ReplyMarkup?["inline_keyboard"] is JsonArray rows
            ? [.. rows.SelectMany(r => r!.AsArray()).Where(b => b?["copy_text"] is not null).Select(b => ((string)b!["text"]!, (string)b["copy_text"]!["text"]!))]
            : [];

    public override string ToString() =>
        $"{Method}(chat {ChatId}, message {MessageId}){(Text is null ? "" : $" \"{Text}\"")}" +
        (Succeeded ? "" : $" -> {ErrorCode} {ErrorDescription}");
}

/// <summary>A file part of a multipart call; FieldName is the part name ("document", or an attach:// name).</summary>
public sealed record UploadedFile(string FieldName, string FileName, string? ContentType, byte[] Bytes);

/// <summary>A call that broke the official Bot API spec; tests assert there are none.</summary>
public sealed record SpecViolation(string Method, string Problem)
{
    public override string ToString() => $"{Method}: {Problem}";
}
