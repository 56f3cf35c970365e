using System.Globalization;
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

        foreach (var (key, value) in state.Case ?? [])
        {
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                events.Add(new(at, "case", key));
            }
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
