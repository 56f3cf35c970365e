using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Conversation;
using global::Telegram.Bot.Types;

namespace Bot.Host.Telegram;

/// <summary>Runs a batch of updates: each student's in order on the work queue, all students concurrently.</summary>
public sealed class TelegramUpdateHandler(TurnProcessor turns, TelegramReplySender sender, StudentWorkQueue queue, IEnumerable<IAdvisorCommands> advisors)
{
    /// <summary>Completes when every update of the batch has been handled (or deliberately dropped).</summary>
    public Task HandleAsync(IReadOnlyList<Update> updates, User bot, CancellationToken cancellationToken)
    {
        var mapped = TelegramUpdateMapper.MergeAlbums([.. updates.Select(u => TelegramUpdateMapper.Map(u, bot))]);
        var work = new List<Task>(mapped.Count);
        foreach (var item in mapped)
        {
            switch (item)
            {
                case MappedUpdate.Turn { Inbound: var inbound }:
                    work.Add(queue.Enqueue(inbound.Student.ToString(), "telegram", ct => RunTurnAsync(inbound, ct), cancellationToken));
                    break;
                case MappedUpdate.GroupMention mention:
                    work.Add(queue.Enqueue("group:" + mention.ChatId, "telegram", ct => sender.PointToPrivateChatAsync(mention.ChatId, mention.MessageId, bot.Username ?? "bot", mention.LanguageCode, ct), cancellationToken));
                    break;
            }
        }

        return Task.WhenAll(work);
    }

    private async Task RunTurnAsync(TelegramInbound inbound, CancellationToken cancellationToken)
    {
        // Advisors' commands and answers never reach the dialog.
        foreach (var hook in advisors)
        {
            if (await hook.TryHandleAsync(inbound.Student, inbound.Inbound, cancellationToken) is { } replies)
            {
                await sender.SendAsync(inbound, replies, TurnEffects.None, cancellationToken);
                return;
            }
        }

        var outcome = await turns.RunAsync(inbound.Student, inbound.InboundId, inbound.Inbound, cancellationToken);
        if (outcome is not null)
        {
            await sender.SendAsync(inbound, outcome.Replies, outcome.Effects, cancellationToken);
        }
    }
}
