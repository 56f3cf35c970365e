using Bot.Dialogs.Applications;
using Bot.Dialogs.Messages;
using Bot.Host.Advisors;

namespace Bot.Host.Dashboard;

/// <summary>A student's history as far as the bot knows it: the record's dates, the case's events and the advisor conversation.</summary>
public static class DashboardTimeline
{
    public static Timeline Build(StudentSummary summary, Bot.Dialogs.Conversation.StudentState state, IReadOnlyList<ThreadMessage> thread)
    {
        // The case's own event names, in the advisors' language (English for now), from the dialog's catalogue.
        var messages = MessageCatalogue.Default;
        var events = new List<TimelineEvent> { new(state.CreatedAt, "start", "First message to the bot") };
        if (ApplicationCatalogue.Find(state.ApplicationKind) is { } application)
        {
            events.Add(new(state.CreatedAt, "application", $"Application: {messages.Text(Language.English, application.NameKey)} ({application.MenuItem})"));
        }

        if (state.Case is { } progress)
        {
            if (progress.SubmittedAt is { } submitted)
            {
                events.Add(new(submitted, "case", "Submitted (receipt number given)"));
            }

            events.AddRange(progress.Events().Select(e => new TimelineEvent(e.At, "case", messages.Text(Language.English, $"case.event.{e.Event}"))));
        }

        if (state.ReceiptNumber is not null)
        {
            events.Add(new(state.UpdatedAt, "submitted", "Receipt number received (application submitted)"));
        }

        events.AddRange(thread.Select(m => new TimelineEvent(m.At, m.From, m.Text)));
        events.Add(new(state.UpdatedAt, "active", $"Last activity (now at: {state.Phase})"));
        return new Timeline(summary, state.Phase, state.ReceiptNumber, [.. events.OrderBy(e => e.At)]);
    }
}
