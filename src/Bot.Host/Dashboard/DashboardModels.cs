using Bot.Host.Broadcasts;
using Bot.Host.Roster;

namespace Bot.Host.Dashboard;

/// <summary><paramref name="Name"/>: an advisor account; empty for the shared key (<c>Advisors:ApiKey</c>).</summary>
public sealed record LoginRequest(string? Key, string? Name = null);

/// <summary>
/// The students table's query string: free-text search, the audience filters, and the page: <c>page</c> (from 1),
/// <c>pageSize</c> (at most 200), <c>sort</c> (name, stage, deadline, school, updated) and <c>dir</c> (asc, desc).
/// </summary>
public sealed record StudentQuery(
    string? Q,
    string? Stage,
    string? Channel,
    string? Lang,
    string? Programme,
    string? Expiry,
    bool? Overdue,
    string? School = null,
    int? Page = null,
    int? PageSize = null,
    string? Sort = null,
    string? Dir = null)
{
    public const int DefaultPageSize = 50;

    public RosterQuery ToRoster(IReadOnlyCollection<string>? scope) =>
        new(Q, Stage, Channel, Lang, Programme, Expiry, Overdue == true, School, scope);

    public RosterSort SortBy => RosterQuery.ParseSort(Sort);

    public bool Descending => RosterQuery.Descending(SortBy, Dir);
}

public sealed record TimelineEvent(DateTimeOffset At, string Kind, string Text);

public sealed record Timeline(Advisors.StudentSummary Student, string Phase, string? ReceiptNumber, IReadOnlyList<TimelineEvent> Events);

/// <summary>
/// A broadcast from the dashboard: <c>text</c> (one text for everyone, as before) or <c>texts</c> (per language code) with an
/// optional <c>fallback</c> language for students whose language has no text; <c>urgent</c> sends at night too.
/// </summary>
public sealed record BroadcastRequest(
    string? Text,
    AudienceFilter? Filter,
    DateTimeOffset? At,
    Dictionary<string, string>? Texts = null,
    string? Fallback = null,
    bool? Urgent = null)
{
    public BroadcastDraft ToDraft() => new(
        Texts is { Count: > 0 } texts ? new BroadcastTexts(texts, Fallback) : BroadcastTexts.ForEveryone(Text ?? string.Empty),
        Filter ?? new AudienceFilter(),
        At,
        Urgent == true);
}

public sealed record AnswerRequest(string? Text);

public sealed record ChatRequest(string? Text, string? Button);

public sealed record ChatButton(string Label, string Data);

public sealed record ChatReply(string Text, IReadOnlyList<IReadOnlyList<ChatButton>> Buttons);

/// <summary>An account an admin creates: <paramref name="Role"/> Advisor (needs schools) or Admin.</summary>
public sealed record AccountRequest(string? Name, string? Role, string[]? Schools);
