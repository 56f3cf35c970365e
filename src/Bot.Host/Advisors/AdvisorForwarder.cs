using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using Bot.Host.Storage;

namespace Bot.Host.Advisors;

/// <summary>Passes what the dialog marked for advisors (a question, or a student's side of a conversation) to the inbox and the advisors' chats.</summary>
public sealed class AdvisorForwarder(AdvisorInbox inbox, AdvisorNotifier notifier, TimeProvider time, ILogger<AdvisorForwarder> logger) : ITurnObserver
{
    public async Task OnTurnAsync(StudentKey student, Inbound inbound, TurnEffects effects, StudentState state, CancellationToken cancellationToken)
    {
        if (!effects.HasFlag(TurnEffects.ForwardToAdvisors))
        {
            return;
        }

        try
        {
            // A caption comes as the student typed it: copy markers in it are the student's, never ours.
            var text = new Reply(inbound.Text ?? string.Empty).PlainText;
            if (inbound.Uploads is { Count: > 0 } uploads)
            {
                text = $"[{uploads.Count} {(uploads.Count == 1 ? "file" : "files")}] {text}".Trim();
            }

            await inbox.AddAsync(student, new ThreadMessage("student", text, time.GetUtcNow()));
            var summary = StudentSummary.From(student, state, time.GetUtcNow());
            var card = new Reply(
                $"Question from {summary.Name} ({summary.Channel}, {summary.Language}, stage {summary.Stage}):\n\n{text}\n\n"
                + "Press Answer to write back, or simply reply to this message.",
                [[new Choice("Answer", AdvisorButtons.Answer(student)), new Choice("Hand back to bot", AdvisorButtons.HandBack(student))]]);
            var reached = await notifier.NotifyAllAsync(card, cancellationToken);
            AdvisorLog.Forwarded(logger, student.Channel, reached);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The student's turn is saved and the message is on the dashboard or will be asked again; never fail the turn.
            AdvisorLog.ForwardFailed(logger, student.Channel, e);
        }
    }
}

/// <summary>Button data of advisor cards (≤ 64 bytes: a LINE user id is 33 characters).</summary>
public static class AdvisorButtons
{
    public const string AnswerPrefix = "adv:ans:";
    public const string HandBackPrefix = "adv:back:";

    public static string Answer(StudentKey student) => AnswerPrefix + student;

    public static string HandBack(StudentKey student) => HandBackPrefix + student;

    /// <summary>The student an advisor card is about, from its buttons (null when they are not an advisor card's).</summary>
    public static StudentKey? StudentOf(IReadOnlyList<string>? buttons)
    {
        foreach (var data in buttons ?? [])
        {
            foreach (var prefix in (string[])[AnswerPrefix, HandBackPrefix])
            {
                if (data.StartsWith(prefix, StringComparison.Ordinal) && StudentKey.TryParse(data[prefix.Length..], out var student))
                {
                    return student;
                }
            }
        }

        return null;
    }
}
