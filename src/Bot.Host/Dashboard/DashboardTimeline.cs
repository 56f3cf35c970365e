using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;

namespace Bot.Host.Dashboard;

/// <summary>A student's history as far as the bot knows it: the record's dates, the case's dates and the advisor conversation.</summary>
public static class DashboardTimeline
{
    public static Timeline Build(StudentSummary summary, StudentState state, IReadOnlyList<ThreadMessage> thread)
    {
        var events = new List<TimelineEvent> { new(state.CreatedAt, "start", "First message to the bot") };
        if (state.ApplicationKind is { } kind)
        {
            events.Add(new(state.CreatedAt, "application", "Application: " + kind));
        }

        if (state.Case is { } c)
        {
            AddCase(events, c.SubmittedAt, "Submitted (receipt number given)");
            AddCase(events, c.SubmissionEmailAt, "送件受理通知 e-mail arrived");
            AddCase(events, AtTaipeiMorning(c.ApprovedOn), "Approved (payment e-mail)");
            AddCase(events, c.PaidAt, "Paid");
            AddCase(events, AtTaipeiMorning(c.CardReadyOn), "Card ready (製證完成通知)");
            AddCase(events, c.CollectedAt, "Card collected");
            AddCase(events, c.MoreDocumentsAt, "NIA asked for more documents (補件)");
            AddCase(events, c.RejectedAt, "Not approved");
        }

        if (state.ReceiptNumber is not null)
        {
            events.Add(new(state.UpdatedAt, "submitted", "Receipt number received (application submitted)"));
        }

        events.AddRange(thread.Select(m => new TimelineEvent(m.At, m.From, m.Text)));
        events.Add(new(state.UpdatedAt, "active", $"Last activity (now at: {state.Phase})"));
        return new Timeline(summary, state.Phase, state.ReceiptNumber, [.. events.OrderBy(e => e.At)]);
    }

    private static void AddCase(List<TimelineEvent> events, DateTimeOffset? at, string what)
    {
        if (at is { } when)
        {
            events.Add(new(when, "case", what));
        }
    }

    private static DateTimeOffset? AtTaipeiMorning(DateOnly? date) =>
        date is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(8, 0)), DialogSettings.TaiwanOffset) : null;
}
