using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// Collects what one turn says. Feedback and the next question go into one message where they fit, so a
/// turn costs one platform message (the platforms rate-limit messages, not characters).
/// </summary>
internal sealed class ReplyBuilder(MessageCatalogue messages, Func<Language> language)
{
    /// <summary>Below Telegram's 4,096 and LINE's 5,000 characters, with room for formatting.</summary>
    public const int MaxMessageLength = 3800;

    private readonly List<Reply> finished = [];
    private readonly System.Text.StringBuilder text = new();
    private List<IReadOnlyList<Choice>>? buttons;
    private List<IReadOnlyList<Choice>>? extraRows;
    private Printing.SummarySection? section;
    private DatePick? datePick;
    private DeadlineCard? card;

    public TurnEffects Effects { get; set; }

    public string T(string key) => messages.Text(language(), key);

    public string F(string key, params object?[] args) => messages.Format(language(), key, args);

    public ReplyBuilder Say(string paragraph)
    {
        if (text.Length > 0 && text.Length + paragraph.Length + 2 > MaxMessageLength)
        {
            Flush();
        }

        if (text.Length > 0)
        {
            text.Append("\n\n");
        }

        text.Append(paragraph);
        return this;
    }

    public ReplyBuilder SayKey(string key, params object?[] args) => Say(F(key, args));

    /// <summary>Ends the message with buttons under it (and any rows offered with <see cref="AlsoOffer"/>).</summary>
    public ReplyBuilder Buttons(List<IReadOnlyList<Choice>> rows)
    {
        buttons = extraRows is null ? rows : [.. extraRows, .. rows];
        extraRows = null;
        Flush();
        return this;
    }

    /// <summary>Adds a row to the next message's buttons, so an offer (e.g. ask an advisor) rides on the question instead of costing a message.</summary>
    public ReplyBuilder AlsoOffer(IReadOnlyList<Choice> row)
    {
        (extraRows ??= []).Add(row);
        return this;
    }

    /// <summary>Closes the current message so the next text starts a new one (e.g. one message per summary screen).</summary>
    public ReplyBuilder Flush()
    {
        if (text.Length > 0)
        {
            finished.Add(new Reply(text.ToString(), buttons is { Count: > 0 } ? buttons : null) { Section = section, DatePick = datePick, Card = card });
        }

        text.Clear();
        buttons = null;
        section = null;
        datePick = null;
        card = null;
        return this;
    }

    /// <summary>The next message asks a date: channels with a date picker offer it (call just before <see cref="Buttons"/>).</summary>
    public ReplyBuilder PickDate(DatePick pick)
    {
        datePick = pick;
        return this;
    }

    /// <summary>The message being written carries a deadline: channels with cards show it as one.</summary>
    public ReplyBuilder Card(DeadlineCard deadlineCard)
    {
        card = deadlineCard;
        return this;
    }

    /// <summary>One summary page as its own message: <paramref name="text"/> for every channel, <paramref name="page"/> for copy buttons.</summary>
    public ReplyBuilder SayPage(string text, Printing.SummarySection page)
    {
        Flush();
        Say(text);
        section = page;
        return Flush();
    }

    public ReplyBuilder File(ReplyFile file, string caption, Printing.ApplicationSummary? printable = null)
    {
        Flush();
        finished.Add(new Reply(caption, File: file) { Printable = printable });
        return this;
    }

    /// <summary>Empties the builder for another turn (what <see cref="Build"/> returned is a copy and stays intact).</summary>
    public void Clear()
    {
        finished.Clear();
        text.Clear();
        buttons = null;
        extraRows = null;
        section = null;
        datePick = null;
        card = null;
        Effects = TurnEffects.None;
    }

    public TurnResult Build()
    {
        if (extraRows is not null)
        {
            buttons = extraRows;
            extraRows = null;
        }

        Flush();
        return new TurnResult(finished.ToArray(), Effects);
    }
}
