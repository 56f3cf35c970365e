using Bot.Dialogs.Applications;
using Bot.Dialogs.Messages;
using Bot.Host.Advisors;

namespace Bot.Host.Dashboard;

/// <summary>A student's history as far as the bot knows it: the record's dates, the case's events and the advisor conversation.</summary>
public static class DashboardTimeline
{
    /// <param name="language">The page's language (English or Chinese): the case's event names come from the dialog's catalogue.</param>
    public static Timeline Build(StudentSummary summary, Bot.Dialogs.Conversation.StudentState state, IReadOnlyList<ThreadMessage> thread, Language language)
    {
        var messages = MessageCatalogue.Default;
        var chinese = language == Language.TraditionalChinese;
        var events = new List<TimelineEvent> { new(state.CreatedAt, "start", chinese ? "第一次傳訊息給機器人" : "First message to the bot") };
        if (ApplicationCatalogue.Find(state.ApplicationKind) is { } application)
        {
            events.Add(new(state.CreatedAt, "application", $"{(chinese ? "申請項目" : "Application")}: {messages.Text(language, application.NameKey)} ({application.MenuItem})"));
        }

        if (state.Case is { } progress)
        {
            if (progress.SubmittedAt is { } submitted)
            {
                events.Add(new(submitted, "case", chinese ? "已送件（已提供收件號）" : "Submitted (receipt number given)"));
            }

            events.AddRange(progress.Events().Select(e => new TimelineEvent(e.At, "case", messages.Text(language, $"case.event.{e.Event}"))));
        }

        if (state.ReceiptNumber is not null)
        {
            events.Add(new(state.UpdatedAt, "submitted", chinese ? "已收到收件號（申請已送出）" : "Receipt number received (application submitted)"));
        }

        events.AddRange(thread.Select(m => new TimelineEvent(m.At, m.From, m.Text)));
        events.Add(new(state.UpdatedAt, "active", chinese ? $"最近活動（目前在：{state.Phase}）" : $"Last activity (now at: {state.Phase})"));
        return new Timeline(summary, state.Phase, state.ReceiptNumber, [.. events.OrderBy(e => e.At)]);
    }
}
