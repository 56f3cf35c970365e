namespace Bot.Dialogs.Conversation;

/// <summary>
/// One message to the student. Text is plain; values the student should copy are wrapped by
/// <see cref="Copyable"/> so each channel can render them its own way (Telegram: tap-to-copy code).
/// </summary>
public sealed record Reply(string Text, IReadOnlyList<IReadOnlyList<Choice>>? Buttons = null, ReplyFile? File = null)
{
    /// <summary>
    /// Set on the summary's messages: the NIA page this message shows, as labels and values, for channels that can offer
    /// a copy button per value (LINE's clipboard action, Telegram's copy_text button). <see cref="Text"/> says the same.
    /// </summary>
    public Printing.SummarySection? Section { get; init; }

    /// <summary>Set on a date question: the dates a picker may offer (LINE); others ignore it.</summary>
    public DatePick? DatePick { get; init; }

    /// <summary>Set on a reminder that carries a deadline: channels with cards show the deadline prominently (LINE).</summary>
    public DeadlineCard? Card { get; init; }

    /// <summary>
    /// Set on the printable summary's message (its <see cref="File"/> is the PDF without a photo): the host draws it again
    /// with the student's prepared ID photo while it still keeps one (see <see cref="ReplyFile.IsIdPhoto"/>).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Printing.ApplicationSummary? Printable { get; init; }

    public const char CopyStart = '\u27E6';
    public const char CopyEnd = '\u27E7';

    public static string Copyable(string value) => CopyStart + value + CopyEnd;

    /// <summary>The text without copy markers, for channels that have no formatting.</summary>
    public string PlainText => Text.Replace(CopyStart.ToString(), string.Empty, StringComparison.Ordinal)
        .Replace(CopyEnd.ToString(), string.Empty, StringComparison.Ordinal);
}

/// <summary>A button; <paramref name="Data"/> comes back as an <see cref="InboundKind.Button"/> inbound (≤ 64 bytes).</summary>
public sealed record Choice(string Label, string Data);

/// <summary>A prepared file sent back to the student (a cropped photo, a shrunk document).</summary>
public sealed record ReplyFile(string FileName, string ContentType, byte[] Bytes, byte[]? Preview = null)
{
    /// <summary>The prepared ID photo (cropped to the NIA's spec): the host keeps it a while for the printable summary.</summary>
    public bool IsIdPhoto { get; init; }
}

/// <summary>The outcome of one turn.</summary>
public sealed record TurnResult(IReadOnlyList<Reply> Replies, TurnEffects Effects = TurnEffects.None);

[Flags]
public enum TurnEffects
{
    None = 0,
    /// <summary>Remove the student's message from the chat (it held a password being checked).</summary>
    DeleteInboundMessage = 1,
    /// <summary>The student asked to erase everything: delete their record.</summary>
    EraseStudent = 2,
    /// <summary>The student's message is for the advisors (a question, or a conversation an advisor took over): the host forwards it.</summary>
    ForwardToAdvisors = 4,
}
