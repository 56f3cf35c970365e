using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Host.Conversation;
using Bot.Host.Inbox;
using Bot.Host.Line.Api;
using Bot.Host.Storage;

namespace Bot.Host.Line;

/// <summary>
/// Handles one LINE event from the inbox (already on the student's work queue): follow and unfollow, a student's
/// turn through <see cref="TurnProcessor"/>, and a short pointer to the private chat when mentioned in a group.
/// </summary>
public sealed class LineEventHandler(
    TurnProcessor turns,
    StudentStore store,
    LineMessagingClient client,
    LineReplySender sender,
    LineReachability reachability,
    LineQuotedButtons quotes,
    LineRichMenuLinks richMenus,
    StudentLanguages languages,
    IEnumerable<Advisors.IAdvisorCommands> advisors,
    ILogger<LineEventHandler> logger) : IInboxHandler
{
    /// <summary>Longer than a typical photo crop; the animation ends anyway when our next message arrives.</summary>
    private const int LoadingSeconds = 20;

    public string Channel => LineEventMapper.Channel;

    public async Task HandleAsync(InboxEntry entry, Delivery delivery, CancellationToken cancellationToken)
    {
        var evt = LineEventMapper.Parse(entry.Body);
        var receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp);
        var replyToken = LineEventMapper.ReplyTokenOf(evt);
        if (evt.Source is not { Type: "user", UserId: { } userId })
        {
            // A case is discussed only in private: in a group or room, answer only when the bot is mentioned.
            if (evt is MessageEvent && LineEventMapper.MentionsBot(entry.Body))
            {
                await sender.ReplyOnlyAsync(replyToken, receivedAt, await PrivateOnlyAsync(evt.Source?.UserId), cancellationToken);
            }

            return;
        }

        Inbound? inbound;
        switch (evt)
        {
            case UnfollowEvent:
                // Their data stays until they ask to delete it or it expires; we only stop pushing.
                await reachability.MarkUnreachableAsync(userId);
                return;
            case FollowEvent:
                await reachability.MarkReachableAsync(userId);
                inbound = Inbound.Joined(await ProfileLanguageAsync(userId, cancellationToken));
                break;
            case MessageEvent { Message: TextMessageContent { QuotedMessageId: { } quoted } }:
                // A quote of one of our messages carries that message's buttons (e.g. an advisor quoting a question card).
                inbound = LineEventMapper.ToInbound(evt)! with { QuotedButtons = await quotes.OfAsync(userId, quoted) };
                break;
            default:
                inbound = LineEventMapper.ToInbound(evt);
                break;
        }

        if (inbound is null)
        {
            return;
        }

        Language? chosen = null;
        if (delivery.Replies is null)
        {
            if (inbound.Kind == InboundKind.Upload)
            {
                await ShowLoadingAsync(userId, cancellationToken);
            }

            var (replies, fromAdvisors, language) = await DecideAsync(new StudentKey(Channel, userId), evt.WebhookEventId, inbound, cancellationToken);
            delivery.Decided(replies, TurnEffects.None, fromAdvisors);
            chosen = inbound is { Kind: InboundKind.Button, Text: { } data } && data.StartsWith(ButtonData.LanguagePrefix, StringComparison.Ordinal) ? language : null;
        }

        try
        {
            // Quotable: advisors' replies, whose buttons name a student (see LineReplySender).
            await sender.SendAsync(userId, replyToken, receivedAt, evt.WebhookEventId, delivery.Replies!, quotable: delivery.FromAdvisors, delivery, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && !delivery.FromAdvisors)
        {
            // Not all sent: the event is tried again, and until then its outbox is kept.
            await store.TryKeepOutboxAsync(new StudentKey(Channel, userId), evt.WebhookEventId);
            throw;
        }

        if (chosen is { } picked)
        {
            // The student chose a language: their chat's rich menu follows (best effort, after the answer).
            await richMenus.LinkAsync(userId, picked, cancellationToken);
        }
    }

    /// <summary>The replies, decided once per delivery: an advisor hook's, or the student's turn.</summary>
    private async Task<(IReadOnlyList<Reply> Replies, bool FromAdvisors, Language? Language)> DecideAsync(StudentKey student, string eventId, Inbound inbound, CancellationToken cancellationToken)
    {
        // Advisors' commands and answers never reach the dialog.
        foreach (var hook in advisors)
        {
            if (await hook.TryHandleAsync(student, inbound, cancellationToken) is { } advisorReplies)
            {
                return (advisorReplies, true, null);
            }
        }

        // Null: nothing was saved (the student stayed busy, or the turn outlived its lease); the event is tried again.
        var outcome = await turns.RunAsync(student, eventId, inbound, cancellationToken) ?? throw new TurnNotDoneException();
        return (outcome.Replies, false, outcome.State?.Language);
    }

    /// <summary>The language LINE knows for the user (e.g. zh-TW), to suggest it; null when unknown or LINE is unavailable.</summary>
    private async Task<string?> ProfileLanguageAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.GetProfileAsync(userId, cancellationToken))?.Language;
        }
        catch (Exception e) when (e is LineApiException or HttpRequestException)
        {
            LineLog.CallFailed(logger, "profile", e);
            return null;
        }
    }

    private async Task ShowLoadingAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            await client.ShowLoadingAsync(userId, LoadingSeconds, cancellationToken);
        }
        catch (Exception e) when (e is LineApiException or HttpRequestException)
        {
            LineLog.CallFailed(logger, "loading", e);
        }
    }

    /// <summary>In the language of the student who mentioned the bot; both languages when LINE did not say who it was, or they never chose one.</summary>
    private async Task<string> PrivateOnlyAsync(string? userId)
    {
        if (userId is not null && await languages.OfAsync(new StudentKey(Channel, userId), hint: null) is { } language)
        {
            return MessageCatalogue.Default.Text(language, "group.privateOnlyLine");
        }

        return MessageCatalogue.Default.Text(Language.TraditionalChinese, "group.privateOnlyLine") + "\n\n"
            + MessageCatalogue.Default.Text(Language.English, "group.privateOnlyLine");
    }
}
