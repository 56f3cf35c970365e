using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Conversation;
using global::Telegram.Bot.Types;

namespace Bot.Host.Telegram;

/// <summary>Runs updates: each student's in order on the work queue, all students concurrently.</summary>
public sealed class TelegramUpdateHandler(
    TurnProcessor turns,
    TelegramReplySender sender,
    StudentWorkQueue queue,
    IEnumerable<IAdvisorCommands> advisors)
{
    /// <summary>Completes when every update of the batch has been handled (or deliberately dropped).</summary>
    public Task HandleAsync(IReadOnlyList<Update> updates, User bot, CancellationToken cancellationToken) =>
        Task.WhenAll(Dispatch(updates, bot, cancellationToken));

    /// <summary>Queues a batch; returns, for each update in order, the task that completes when it has been handled.</summary>
    public IReadOnlyList<Task> Dispatch(IReadOnlyList<Update> updates, User bot, CancellationToken cancellationToken)
    {
        var mapped = updates.Select(u => TelegramUpdateMapper.Map(u, bot)).ToList();
        var started = new Dictionary<MappedUpdate, Task>(ReferenceEqualityComparer.Instance);
        var albums = new Dictionary<(string, string), Task>();
        foreach (var item in TelegramUpdateMapper.MergeAlbums(mapped))
        {
            switch (item)
            {
                case MappedUpdate.Turn { Inbound: var inbound }:
                    var turn = queue.Enqueue(inbound.Student.ToString(), "telegram", ct => RunTurnAsync(inbound, new Delivery(), ct), cancellationToken);
                    started[item] = turn;
                    if (inbound.MediaGroupId is { } group)
                    {
                        albums[(inbound.Student.ToString(), group)] = turn;
                    }

                    break;
                case MappedUpdate.GroupMention mention:
                    started[item] = queue.Enqueue("group:" + mention.ChatId, "telegram", ct => sender.PointToPrivateChatAsync(mention.ChatId, mention.MessageId, bot.Username ?? "bot", mention.LanguageCode, ct), cancellationToken);
                    break;
            }
        }

        // An album's photos are one turn: each of their updates is done when that turn is.
        return [.. mapped.Select(m => m is MappedUpdate.Turn { Inbound: { MediaGroupId: { } group } inbound } && albums.TryGetValue((inbound.Student.ToString(), group), out var album)
            ? album
            : started.GetValueOrDefault(m) ?? Task.CompletedTask)];
    }

    /// <summary>One update from the inbox, already on its student's work queue: run it here, in order.</summary>
    public Task HandleOneAsync(Update update, User bot, Delivery delivery, CancellationToken cancellationToken) => TelegramUpdateMapper.Map(update, bot) switch
    {
        MappedUpdate.Turn { Inbound: var inbound } => RunTurnAsync(inbound, delivery, cancellationToken),
        MappedUpdate.GroupMention mention => sender.PointToPrivateChatAsync(mention.ChatId, mention.MessageId, bot.Username ?? "bot", mention.LanguageCode, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>Decides the replies once (a later attempt after a failed send reuses them), then sends those not sent yet.</summary>
    private async Task RunTurnAsync(TelegramInbound inbound, Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Replies is null)
        {
            var (replies, effects, fromAdvisors) = await DecideAsync(inbound, cancellationToken);
            delivery.Decided(replies, effects, fromAdvisors);
        }

        // Paced by the sender (Telegram:MessagesPerSecond, slower after a 429), in the order turns finish.
        await sender.SendAsync(inbound, delivery, cancellationToken);
    }

    private async Task<(IReadOnlyList<Reply> Replies, TurnEffects Effects, bool FromAdvisors)> DecideAsync(TelegramInbound inbound, CancellationToken cancellationToken)
    {
        // Advisors' commands and answers never reach the dialog.
        foreach (var hook in advisors)
        {
            if (await hook.TryHandleAsync(inbound.Student, inbound.Inbound, cancellationToken) is { } replies)
            {
                return (replies, TurnEffects.None, true);
            }
        }

        // Null: nothing was saved (the student stayed busy, or the turn outlived its lease); the update is tried again.
        var outcome = await turns.RunAsync(inbound.Student, inbound.InboundId, inbound.Inbound, cancellationToken)
            ?? throw new TurnNotDoneException();
        return (outcome.Replies, outcome.Effects, false);
    }
}
