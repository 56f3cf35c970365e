using Bot.Dialogs.Conversation;
using Bot.Host.Broadcasts;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Advisors;

/// <summary>Checked by a channel before the dialog: what an advisor sends in chat. Null means "not for advisors, let the dialog answer".</summary>
public interface IAdvisorCommands
{
    Task<IReadOnlyList<Reply>?> TryHandleAsync(StudentKey sender, Inbound inbound, CancellationToken cancellationToken);
}

/// <summary>
/// /broadcast, /stats, and answering students from chat: "Answer" on a forwarded question — or a reply to it (Telegram's
/// reply, LINE's quote) — points the advisor's messages at that student until "Hand back" (or /done).
/// </summary>
public sealed class AdvisorCommands(
    IOptions<AdvisorsOptions> options,
    BroadcastService broadcasts,
    Roster.RosterOverview overview,
    AdvisorInbox inbox,
    TimeProvider time,
    IConnectionMultiplexer redis) : IAdvisorCommands, Conversation.IStudentDataEraser
{
    private const string ConfirmPrefix = "bc:ok:";
    private const string CancelPrefix = "bc:no:";
    private static readonly TimeSpan FocusLifetime = TimeSpan.FromHours(12);

    private static RedisKey FocusKey(StudentKey advisor) => "adv:focus:" + advisor.Tag;

    private const string DeleteIfScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    /// <summary>/delete: an advisor whose messages went to this student stops pointing at them.</summary>
    public async Task EraseAsync(StudentKey student, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var advisors = options.Value.TelegramUserIds.Select(id => new StudentKey("tg", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(options.Value.LineUserIds.Select(id => new StudentKey("line", id)));
        await Task.WhenAll(advisors.Select(advisor => db.ScriptEvaluateAsync(DeleteIfScript, [FocusKey(advisor)], [student.ToString()])));
    }

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(StudentKey sender, Inbound inbound, CancellationToken cancellationToken)
    {
        if (!options.Value.IsAdvisor(sender.Channel, sender.Id))
        {
            return null;
        }

        var text = inbound.Text ?? string.Empty;
        return inbound.Kind switch
        {
            InboundKind.Command => await CommandAsync(sender, text, cancellationToken),
            InboundKind.Button => await ButtonAsync(sender, text, cancellationToken),
            InboundKind.Text => await AnswerAsync(sender, text, inbound.QuotedButtons, cancellationToken),
            _ => null,
        };
    }

    private async Task<IReadOnlyList<Reply>?> CommandAsync(StudentKey advisor, string text, CancellationToken cancellationToken)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var name = (space < 0 ? text : text[..space]).TrimStart('/').Split('@')[0].ToLowerInvariant();
        var arguments = space < 0 ? string.Empty : text[(space + 1)..];
        switch (name)
        {
            case "broadcast":
                return [await BroadcastAsync(advisor, arguments, cancellationToken)];
            case "stats":
                return [new Reply((await overview.ReadAsync(scope: null)).Describe())];
            case "done":
                await redis.GetDatabase().KeyDeleteAsync(FocusKey(advisor));
                return [new Reply("OK: your messages go to the bot again.")];
            default:
                return null;
        }
    }

    private async Task<Reply> BroadcastAsync(StudentKey advisor, string arguments, CancellationToken cancellationToken)
    {
        var (filter, at, text) = AudienceFilter.ParseCommand(arguments, out var urgent);
        if (text.Length == 0)
        {
            return new Reply("Usage: /broadcast [stage=notsubmitted|submitted|notpaid|…] [channel=tg|line] [lang=en|zh-TW|vi|id] [programme=…] [school=…] [expiry=2026-03] [at=2026-12-01T09:00] [urgent=yes] text\n"
                + "At night (22:00–08:00 Taiwan time) a broadcast waits for 08:00 unless urgent=yes.");
        }

        // Chat advisors (configured by id) reach every school: scope null.
        var preview = await broadcasts.CreateDraftAsync(new BroadcastDraft(BroadcastTexts.ForEveryone(text), filter, at, urgent), advisor.ToString(), scope: null, cancellationToken);
        if (preview.JobId is not { } id)
        {
            return new Reply(preview.Describe());
        }

        var when = preview.SendsAt is { } due && due > time.GetUtcNow().AddSeconds(5) ? $" at {due.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} (Taiwan time)" : " now";
        return new Reply(
            $"{preview.Describe()}\nSend{when} to {preview.Total} students?\n\n{text}",
            [[new Choice($"Send to {preview.Total}", ConfirmPrefix + id), new Choice("Cancel", CancelPrefix + id)]]);
    }

    private async Task<IReadOnlyList<Reply>?> ButtonAsync(StudentKey advisor, string data, CancellationToken cancellationToken)
    {
        if (data.StartsWith(ConfirmPrefix, StringComparison.Ordinal))
        {
            var (_, message) = await broadcasts.ConfirmAsync(data[ConfirmPrefix.Length..], advisor.ToString(), cancellationToken);
            return [new Reply(message)];
        }

        if (data.StartsWith(CancelPrefix, StringComparison.Ordinal))
        {
            var cancelled = await broadcasts.CancelAsync(data[CancelPrefix.Length..], advisor.ToString());
            return [new Reply(cancelled ? "Broadcast cancelled." : "That broadcast has already started or ended.")];
        }

        if (data.StartsWith(AdvisorButtons.AnswerPrefix, StringComparison.Ordinal))
        {
            var student = StudentKey.Parse(data[AdvisorButtons.AnswerPrefix.Length..]);
            await redis.GetDatabase().StringSetAsync(FocusKey(advisor), student.ToString(), FocusLifetime);
            return [new Reply("Write your answer: your next messages go to this student (send /done to stop).", [[new Choice("Hand back to bot", AdvisorButtons.HandBack(student))]])];
        }

        if (data.StartsWith(AdvisorButtons.HandBackPrefix, StringComparison.Ordinal))
        {
            var student = StudentKey.Parse(data[AdvisorButtons.HandBackPrefix.Length..]);
            await redis.GetDatabase().KeyDeleteAsync(FocusKey(advisor));
            var ok = await inbox.HandBackAsync(student, advisor.ToString(), cancellationToken);
            return [new Reply(ok ? "Handed back: the bot answers this student again." : "This student is no longer known to the bot.")];
        }

        return null;
    }

    private async Task<IReadOnlyList<Reply>?> AnswerAsync(StudentKey advisor, string text, IReadOnlyList<string>? quoted, CancellationToken cancellationToken)
    {
        StudentKey student;
        if (AdvisorButtons.StudentOf(quoted) is { } repliedTo)
        {
            // A reply to a question card (or to a "Sent." under it) answers that student, and keeps them in focus.
            student = repliedTo;
            await redis.GetDatabase().StringSetAsync(FocusKey(advisor), student.ToString(), FocusLifetime);
        }
        else
        {
            var focus = await redis.GetDatabase().StringGetAsync(FocusKey(advisor));
            if (focus.IsNull)
            {
                return null;
            }

            student = StudentKey.Parse(focus.ToString());
        }

        var result = await inbox.AnswerAsync(student, text, advisor.ToString(), cancellationToken);
        return [new Reply(
            result == Conversation.PushResult.Sent ? "Sent." : $"Not delivered ({result}); it is kept in the dashboard's inbox.",
            [[new Choice("Hand back to bot", AdvisorButtons.HandBack(student))]])];
    }
}
