using Bot.Host.Advisors;
using Bot.Host.Broadcasts;

namespace Bot.Host.Dashboard;

public sealed record LoginRequest(string? Key);

/// <summary>The students table's query string: free-text search plus the audience filters.</summary>
public sealed record StudentQuery(string? Q, string? Stage, string? Channel, string? Lang, string? Programme, string? Expiry, bool? Overdue)
{
    public AudienceFilter Filter => new(Stage, Expiry, Programme, Lang, Channel);

    public bool Matches(StudentSummary s) =>
        Filter.Matches(s)
        && (Overdue != true || s.Overdue || s.ExpiresSoon)
        && (string.IsNullOrWhiteSpace(Q)
            || s.Name.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase)
            || s.Key.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase)
            || (s.Programme?.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) ?? false));
}

public sealed record TimelineEvent(DateTimeOffset At, string Kind, string Text);

public sealed record Timeline(StudentSummary Student, string Phase, string? ReceiptNumber, IReadOnlyList<TimelineEvent> Events);

public sealed record BroadcastRequest(string? Text, AudienceFilter? Filter, DateTimeOffset? At);

public sealed record AnswerRequest(string? Text);

public sealed record ChatRequest(string? Text, string? Button);

public sealed record ChatButton(string Label, string Data);

public sealed record ChatReply(string Text, IReadOnlyList<IReadOnlyList<ChatButton>> Buttons);
