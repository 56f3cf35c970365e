using System.Globalization;
using Bot.Host.Conversation;
using Bot.Host.Storage;

namespace Bot.Host.Telegram;

/// <summary>
/// Takes the buttons away from a question the student has answered (by a press or by typing), so old buttons do not
/// linger under the chat. Which messages still show buttons is kept in Redis under the student's hash tag
/// (<see cref="StudentStore.ButtonsKey"/>): read with the record in the turn's first round trip, written without waiting
/// after the replies are sent, so a turn still makes two round trips and any host can tidy the previous host's buttons.
/// A message Telegram will not edit (too old, deleted: 400) keeps its buttons quietly; a press on one is answered as
/// before ("that button belongs to an earlier message").
/// </summary>
public sealed class TelegramAnsweredButtons(TelegramBestEffort calls, StudentStore store)
{
    public async Task TidyAsync(TelegramInbound inbound, Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.ShownButtons is not { } shown)
        {
            // The turn did not run (refused), or advisors answered: the student answered no question.
            return;
        }

        var now = Ids(delivery.SentButtons);
        var answered = Ids(shown);
        if (inbound.PressedQuestion is { } pressed)
        {
            answered.Add(pressed);
        }

        foreach (var messageId in answered.Except(now))
        {
            await calls.RemoveButtonsAsync(inbound.ChatId, messageId, cancellationToken);
        }

        // After /delete the list went with the record (the commit erased it): writing it again would leave a key naming them.
        if (delivery.SentButtons != shown && !delivery.Effects.HasFlag(Bot.Dialogs.Conversation.TurnEffects.EraseStudent))
        {
            store.RememberButtons(inbound.Student, delivery.SentButtons);
        }
    }

    private static HashSet<int> Ids(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))];
}
