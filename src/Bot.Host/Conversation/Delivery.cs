using Bot.Dialogs.Conversation;

namespace Bot.Host.Conversation;

/// <summary>
/// One inbound being delivered on this host, across its attempts: what was decided (so an attempt after a failed send
/// sends the rest instead of deciding again) and how far the channel's sender got. Another host that takes the inbound
/// over starts afresh: the turn answers it again from the outbox, so it is never run twice.
/// </summary>
public sealed class Delivery
{
    /// <summary>The replies to send, once decided (by the turn or an advisor hook); null before.</summary>
    public IReadOnlyList<Reply>? Replies { get; private set; }

    public TurnEffects Effects { get; private set; }

    /// <summary>The replies came from an advisors' hook (a command or an answer), not from the student's dialog.</summary>
    public bool FromAdvisors { get; private set; }

    /// <summary>How many units (replies on Telegram, batches on LINE) the channel's sender has already delivered.</summary>
    public int Sent { get; set; }

    /// <summary>Whether the channel's side effects of the inbound (stop a button's spinner, delete a password) are done.</summary>
    public bool EffectsDone { get; set; }

    /// <summary>
    /// The bot's messages showing a question's buttons when the turn began (channel ids, comma-separated), to take away
    /// once the replies are sent; null when not known (a refused turn, an advisors' hook): nothing is taken away then.
    /// </summary>
    public string? ShownButtons { get; set; }

    /// <summary>The messages sent in this delivery with a question's buttons, comma-separated (they replace <see cref="ShownButtons"/>).</summary>
    public string SentButtons { get; set; } = string.Empty;

    /// <summary>Whether the old buttons were taken away and the new ones recorded.</summary>
    public bool ButtonsTidied { get; set; }

    public void Decided(IReadOnlyList<Reply> replies, TurnEffects effects, bool fromAdvisors = false)
    {
        Replies = replies;
        Effects = effects;
        FromAdvisors = fromAdvisors;
    }
}
