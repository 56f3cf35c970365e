namespace Bot.Host.Broadcasts;

public enum BroadcastStatus
{
    /// <summary>Audience resolved and shown; waits for the advisor's confirmation.</summary>
    Draft,
    Scheduled,
    Running,
    Done,
    Cancelled,
}

/// <summary>Delivery counts of one channel.</summary>
public sealed record ChannelReport(string Channel, long Audience, long Sent, long Failed, long Blocked)
{
    public long Pending => Math.Max(0, Audience - Sent - Failed - Blocked);
}

/// <summary>
/// A broadcast as stored in its Redis hash. <paramref name="CreatedBy"/>: a chat advisor's key (tg:1, line:U…), "dashboard"
/// (the shared key) or an advisor account's name. <paramref name="Text"/> is what lists show (<see cref="BroadcastTexts.Display"/>).
/// </summary>
public sealed record BroadcastJob(
    string Id,
    string Text,
    string Filter,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    BroadcastStatus Status,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<ChannelReport> Channels)
{
    /// <summary>The texts per language (or one for everyone); jobs stored before per-language texts have their one text.</summary>
    public BroadcastTexts Texts { get; init; } = BroadcastTexts.ForEveryone(Text);

    /// <summary>Sent at night too; otherwise it waits for 08:00 Taiwan time (<see cref="Bot.Dialogs.Reminders.QuietHours"/>).</summary>
    public bool Urgent { get; init; }

    /// <summary>The schools its audience was limited to (the creating advisor's); null: all schools.</summary>
    public IReadOnlyList<string>? Scope { get; init; }

    /// <summary>Its recipients' groups (channel × language), each with its pending set.</summary>
    public IReadOnlyList<AudienceGroup> Groups { get; init; } = [.. AudienceFilter.BroadcastChannels.Select(c => new AudienceGroup(c, BroadcastTexts.Everyone))];

    /// <summary>True when an advisor limited to <paramref name="scope"/> (null: all schools) may see and act on it.</summary>
    public bool IsWithin(IReadOnlyCollection<string>? scope) =>
        scope is null || (Scope is { Count: > 0 } mine && mine.All(s => scope.Contains(s, StringComparer.Ordinal)));

    public string ReportText()
    {
        var lines = Channels.Select(c => $"{ChannelName(c.Channel)}: {c.Sent} sent, {c.Failed} failed, {c.Blocked} blocked" + (c.Pending > 0 ? $", {c.Pending} pending" : string.Empty));
        return $"Broadcast {Id} ({Status}, audience: {Filter})\n" + string.Join('\n', lines);
    }

    public static string ChannelName(string channel) => channel switch { "tg" => "Telegram", "line" => "LINE", _ => channel };
}

/// <summary>What an advisor sees before confirming. <paramref name="Refusal"/> is set when the broadcast cannot go out as asked.</summary>
public sealed record BroadcastPreview(
    string? JobId,
    IReadOnlyDictionary<string, int> AudiencePerChannel,
    int BlockedSkipped,
    long LineCost,
    long? LineQuotaRemaining,
    string? Refusal)
{
    /// <summary>Who gets it per language (the group's text; "*" for one text to all).</summary>
    public IReadOnlyDictionary<string, int> AudiencePerLanguage { get; init; } = new Dictionary<string, int>();

    /// <summary>Students the filter matches whose language has no text and no fallback: they get nothing.</summary>
    public int NoTextInLanguage { get; init; }

    /// <summary>Each text as Telegram and LINE would show it.</summary>
    public IReadOnlyList<ChannelRender> Renders { get; init; } = [];

    /// <summary>A short code for <see cref="Refusal"/> (text, language, fallback, scope, nobody, quota, line-off, quota-unknown) for the page's own words.</summary>
    public string? RefusalCode { get; init; }

    /// <summary>When it would go out: a broadcast confirmed at night waits for 08:00 unless urgent.</summary>
    public DateTimeOffset? SendsAt { get; init; }

    public int Total => AudiencePerChannel.Values.Sum();

    public string Describe()
    {
        var perChannel = string.Join(", ", AudiencePerChannel.Select(p => $"{BroadcastJob.ChannelName(p.Key)} {p.Value}"));
        var text = $"Audience: {Total} students ({perChannel}).";
        if (BlockedSkipped > 0)
        {
            text += $" {BlockedSkipped} who blocked the bot are skipped.";
        }

        if (LineCost > 0)
        {
            text += LineQuotaRemaining is { } left
                ? $" LINE cost: {LineCost} push messages of {left} left this month."
                : $" LINE cost: {LineCost} push messages (no monthly limit).";
        }

        if (NoTextInLanguage > 0)
        {
            text += $" {NoTextInLanguage} whose language has no text get nothing.";
        }

        return Refusal is null ? text : text + "\n" + Refusal;
    }
}

/// <summary>
/// One text as a channel shows it: Telegram as the HTML the bot sends (escaped, copy markers as code), LINE as plain
/// text. <paramref name="Limit"/>: the platform's longest message.
/// </summary>
public sealed record ChannelRender(string Language, string Channel, string Text, string? Html, int Length, int Limit)
{
    /// <summary>LINE: the notice names a date, so it goes as a card with this title and the deadline large (yyyy-MM-dd).</summary>
    public string? CardTitle { get; init; }

    public string? CardDeadline { get; init; }
}
