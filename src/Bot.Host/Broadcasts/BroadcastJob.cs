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

/// <summary>A broadcast as stored in its Redis hash. <paramref name="CreatedBy"/>: a chat advisor's key (tg:1, line:U…) or "dashboard".</summary>
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

        return Refusal is null ? text : text + "\n" + Refusal;
    }
}
