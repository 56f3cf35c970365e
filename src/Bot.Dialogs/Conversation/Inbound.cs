namespace Bot.Dialogs.Conversation;

/// <summary>What a student sent, translated by a channel adapter into plain data.</summary>
public sealed record Inbound(InboundKind Kind, string? Text = null, IReadOnlyList<UploadRef>? Uploads = null, string? LanguageHint = null)
{
    /// <summary>The uploads after the host ran them through the photo or document pipeline (see StudentConversation.ExpectedUpload).</summary>
    public IReadOnlyList<Uploads.ProcessedUpload>? Processed { get; init; }

    /// <summary>
    /// The button data under the bot's message that this one replies to (a platform "reply", e.g. Telegram's swipe to
    /// reply), so a reply can mean what pressing one of those buttons and then writing would; null when it is no reply.
    /// </summary>
    public IReadOnlyList<string>? QuotedButtons { get; init; }

    /// <summary>
    /// Set by the channel adapter when this message's text stays in the host's memory (never written to Redis or to disk
    /// before it is handled) and the chat lets the bot delete it: Telegram polling and the terminal chat. Only then does
    /// the dialog offer to check a password. False on LINE (bots cannot delete messages) and for Telegram webhooks (the
    /// update is written to the Redis inbox, and so to its append-only file, before it is handled).
    /// </summary>
    public bool Deletable { get; init; }

    /// <summary>
    /// What the student's way in carried (Telegram's <c>t.me/bot?start=…</c>; a LINE URL parameter could too): a school's
    /// link preselects that school (<see cref="Forms.SchoolLink"/>). Null for an ordinary message.
    /// </summary>
    public string? StartPayload { get; init; }

    public static Inbound FromText(string text, string? languageHint = null)
    {
        // The copy markers are ours: a student's text must never open or close a tap-to-copy span.
        text = text.Replace(Reply.CopyStart.ToString(), string.Empty, StringComparison.Ordinal).Replace(Reply.CopyEnd.ToString(), string.Empty, StringComparison.Ordinal);
        return text.StartsWith('/') ? new(InboundKind.Command, text, LanguageHint: languageHint) : new(InboundKind.Text, text, LanguageHint: languageHint);
    }

    public static Inbound Button(string data, string? languageHint = null) => new(InboundKind.Button, data, LanguageHint: languageHint);

    public static Inbound Files(IReadOnlyList<UploadRef> uploads, string? caption = null, string? languageHint = null) =>
        new(InboundKind.Upload, caption, uploads, languageHint);

    public static Inbound Unsupported(string what, string? languageHint = null) => new(InboundKind.Unsupported, what, LanguageHint: languageHint);

    public static Inbound Joined(string? languageHint = null) => new(InboundKind.Joined, LanguageHint: languageHint);
}

public enum InboundKind
{
    Text,
    Command,
    Button,
    Upload,
    /// <summary>Stickers, voice, locations, contacts…: things the dialog cannot use.</summary>
    Unsupported,
    /// <summary>The student opened the chat (LINE follow) without saying anything yet.</summary>
    Joined,
}

/// <summary>A file the student sent; the bytes stay on the platform until the upload pipeline fetches them.</summary>
public sealed record UploadRef(string FileId, string? FileName, string? ContentType, long? Size, bool IsPhoto);
