namespace Bot.Dialogs.Printing;

/// <summary>An application's summary as the NIA pages ask for it: what the chat shows and the PDF prints.</summary>
public sealed record ApplicationSummary(string MenuItem, string StudentName, string? ReceiptNumber, IReadOnlyList<SummarySection> Sections, string Checklist);

/// <summary>One NIA page: its title, its fields (Chinese label and the value to type), and notes under them.</summary>
public sealed record SummarySection(string Title, IReadOnlyList<SummaryLine> Lines, IReadOnlyList<string> Notes);

/// <summary>A label and the value to type; null when not answered.</summary>
public sealed record SummaryLine(string Label, string? Value)
{
    /// <summary>Values are tap-to-copy in chats.</summary>
    public bool Copyable => Value is not null;
}
