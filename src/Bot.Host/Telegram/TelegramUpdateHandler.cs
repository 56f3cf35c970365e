using System.Globalization;
using System.Text.Json;
using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Conversation;
using Bot.Host.Inbox;
using Bot.Host.Storage;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace Bot.Host.Telegram;

/// <summary>
/// Runs updates: each student's in order on the work queue, all students concurrently. A polled update is handled until it
/// is done — tried again with back-off when it fails (Redis down, Telegram failing), moved to the dead letters after the
/// last attempt — so the polling loop confirms it only then.
/// </summary>
public sealed class TelegramUpdateHandler(
    TurnProcessor turns,
    StudentStore store,
    TelegramReplySender sender,
    StudentWorkQueue queue,
    DeliveryRetry retry,
    DeadLetters deadLetters,
    StudentLanguages languages,
    TelegramChatActions chatActions,
    IEnumerable<IAdvisorCommands> advisors)
{
    /// <summary>A turn still working after this long shows "typing…" (uploads show their own action from the start).</summary>
    public static readonly TimeSpan LongTurn = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Queues polled updates; returns, for each update in order, the task that completes when it has been handled or
    /// dead-lettered (true), or was cut off by the host stopping (false: it must be delivered again).
    /// </summary>
    public IReadOnlyList<Task<bool>> Dispatch(IReadOnlyList<Update> updates, User bot, CancellationToken cancellationToken)
    {
        var mapped = updates.Select(u => TelegramUpdateMapper.Map(u, bot, polled: true)).ToList();
        var source = new Dictionary<MappedUpdate, Update>(ReferenceEqualityComparer.Instance);
        var albumUpdates = new Dictionary<(string, string), List<Update>>();
        for (var i = 0; i < mapped.Count; i++)
        {
            source[mapped[i]] = updates[i];
            if (AlbumOf(mapped[i]) is { } album)
            {
                (albumUpdates.TryGetValue(album, out var parts) ? parts : albumUpdates[album] = []).Add(updates[i]);
            }
        }

        var started = new Dictionary<MappedUpdate, Task<bool>>(ReferenceEqualityComparer.Instance);
        var albums = new Dictionary<(string, string), Task<bool>>();
        foreach (var item in TelegramUpdateMapper.MergeAlbums(mapped))
        {
            var (queueKey, sources) = item switch
            {
                MappedUpdate.Turn when AlbumOf(item) is { } album => (album.Item1, albumUpdates[album]),
                MappedUpdate.Turn { Inbound: var inbound } => (inbound.Student.ToString(), [source[item]]),
                MappedUpdate.GroupMention mention => ("group:" + mention.ChatId.ToString(CultureInfo.InvariantCulture), [source[item]]),
                _ => (null, (List<Update>?)null),
            };
            if (queueKey is null)
            {
                continue;
            }

            var task = queue.Enqueue(queueKey, "telegram", ct => DeliverAsync(item, sources!, bot, ct), cancellationToken);
            started[item] = task;
            if (AlbumOf(item) is { } merged)
            {
                albums[merged] = task;
            }
        }

        // An album's photos are one turn: each of their updates is done when that turn is.
        return [.. mapped.Select(m => AlbumOf(m) is { } album && albums.TryGetValue(album, out var task)
            ? task
            : started.GetValueOrDefault(m) ?? Task.FromResult(true))];
    }

    /// <summary>
    /// One update from the inbox (a webhook, or a replayed dead letter), already on its student's work queue (the inbox
    /// retries it): run it here, in order. It was stored on the way, so it is not <see cref="Inbound.Deletable"/>.
    /// </summary>
    public Task HandleOneAsync(Update update, User bot, Delivery delivery, CancellationToken cancellationToken) =>
        HandleAsync(TelegramUpdateMapper.Map(update, bot), bot, delivery, cancellationToken);

    private static (string, string)? AlbumOf(MappedUpdate item) =>
        item is MappedUpdate.Turn { Inbound: { MediaGroupId: { } group } inbound } ? (inbound.Student.ToString(), group) : null;

    /// <summary>A polled update (or album) until it is done: tried again on failure, dead-lettered after the last attempt.</summary>
    private async Task DeliverAsync(MappedUpdate item, IReadOnlyList<Update> sources, User bot, CancellationToken cancellationToken)
    {
        var delivery = new Delivery();
        var attempts = 0;
        var failure = await retry.RunAsync(
            async (attempt, token) =>
            {
                attempts = attempt;
                using var activity = TurnTracing.Start(TelegramInboxHandler.ChannelName, traceParent: null, attempt);
                try
                {
                    await HandleAsync(item, bot, delivery, token);
                }
                catch (Exception e)
                {
                    activity.Failed(e);
                    throw;
                }
            },
            attemptsSoFar: 0,
            TelegramInboxHandler.ChannelName,
            cancellationToken);
        if (failure is null)
        {
            return;
        }

        // Kept where an advisor sees it and can replay it (through the inbox, which every host reads).
        foreach (var update in sources)
        {
            var entry = new InboxEntry(
                TelegramInboxHandler.ChannelName,
                TelegramWebhookEndpoint.OwnerOf(update),
                update.Id.ToString(CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(update, JsonBotAPI.Options));
            await retry.PersistAsync(() => deadLetters.AddAsync(entry, attempts, failure), "dead-letter a Telegram update", cancellationToken);
        }
    }

    private Task HandleAsync(MappedUpdate item, User bot, Delivery delivery, CancellationToken cancellationToken) => item switch
    {
        MappedUpdate.Turn { Inbound: var inbound } => RunTurnAsync(inbound, delivery, cancellationToken),
        MappedUpdate.GroupMention mention => PointToPrivateChatAsync(mention, bot, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>In the language the student chose, when the one who mentioned the bot is a student; else their app's.</summary>
    private async Task PointToPrivateChatAsync(MappedUpdate.GroupMention mention, User bot, CancellationToken cancellationToken)
    {
        var student = new StudentKey("tg", mention.UserId.ToString(CultureInfo.InvariantCulture));
        var language = await languages.OfAsync(student, mention.LanguageCode) ?? Bot.Dialogs.Messages.Language.English;
        await sender.PointToPrivateChatAsync(mention.ChatId, mention.MessageId, bot.Username ?? "bot", language, cancellationToken);
    }

    /// <summary>Decides the replies once (a later attempt after a failed send reuses them), then sends those not sent yet.</summary>
    private async Task RunTurnAsync(TelegramInbound inbound, Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Replies is null)
        {
            await using var typing = inbound.Inbound.Kind == InboundKind.Upload
                ? null
                : await chatActions.ShowAsync(inbound.Student, BusyWork.Typing, LongTurn, cancellationToken);
            var (replies, effects, fromAdvisors, shownButtons) = await DecideAsync(inbound, cancellationToken);
            delivery.Decided(replies, effects, fromAdvisors);
            delivery.ShownButtons = shownButtons;
        }

        try
        {
            // Paced by the sender (Telegram:MessagesPerSecond, slower after a 429), in the order turns finish.
            await sender.SendAsync(inbound, delivery, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && !delivery.FromAdvisors)
        {
            // Not all sent (Telegram failing past the HTTP retries): the update is tried again, and until then its outbox is kept.
            await store.TryKeepOutboxAsync(inbound.Student, inbound.InboundId);
            throw;
        }
    }

    private async Task<(IReadOnlyList<Reply> Replies, TurnEffects Effects, bool FromAdvisors, string? ShownButtons)> DecideAsync(TelegramInbound inbound, CancellationToken cancellationToken)
    {
        // Advisors' commands and answers never reach the dialog.
        foreach (var hook in advisors)
        {
            if (await hook.TryHandleAsync(inbound.Student, inbound.Inbound, cancellationToken) is { } replies)
            {
                return (replies, TurnEffects.None, true, null);
            }
        }

        // Null: nothing was saved (the student stayed busy, or the turn outlived its lease); the update is tried again.
        var outcome = await turns.RunAsync(inbound.Student, inbound.InboundId, inbound.Inbound, cancellationToken)
            ?? throw new TurnNotDoneException();
        return (outcome.Replies, outcome.Effects, false, outcome.ShownButtons);
    }
}
