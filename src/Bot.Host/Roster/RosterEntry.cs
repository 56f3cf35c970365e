using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Reminders;
using Bot.Host.Advisors;
using Bot.Host.Storage;

namespace Bot.Host.Roster;

/// <summary>
/// What the advisors' roster keeps of one student: exactly what their list, filters, sorting, CSV and audiences need.
/// Two entries are equal when nothing an advisor sees changed, so a turn writes the roster only then. Activity is kept
/// to the hour (<see cref="Active"/>), so an ordinary turn does not change it more than once an hour.
/// </summary>
public sealed record RosterEntry(
    string Name,
    string? Kind,
    CaseStep Stage,
    DateOnly? Deadline,
    DateOnly? ArcExpiry,
    string? School,
    string Channel,
    string Language,
    string? Programme,
    bool WithAdvisor,
    DateTimeOffset Active)
{
    /// <summary>The NIA programme's code (master, bachelor…) when the answer is one of the NIA's 12, else the answer itself.</summary>
    public string? ProgrammeCode => Programme is null ? null : NiaLists.Programmes.ByValue(Programme)?.Code ?? NiaLists.Programmes.ByCode(Programme)?.Code ?? Programme;

    public static RosterEntry From(StudentKey key, StudentState state)
    {
        var name = string.Join(' ', new[] { state.Answer("surname"), state.Answer("givenNames") }.Where(s => !string.IsNullOrEmpty(s)));
        var studentCase = StudentCase.Of(state);
        var stage = StudentSummary.StageOf(state);

        // Until the application is in, its filing deadline matters (the ARC's expiry for an extension, 30 days after
        // entry for a first ARC: late means a fine); once approved and unpaid, the 5-day payment window does.
        var deadline = stage < CaseStep.Submitted ? studentCase.FilingDue ?? studentCase.ArcExpiry
            : stage == CaseStep.Approved ? ReminderPlanner.PaymentDeadline(studentCase)
            : null;
        var active = state.UpdatedAt.ToUniversalTime();
        return new RosterEntry(
            name,
            state.ApplicationKind,
            stage,
            deadline,
            studentCase.ArcExpiry,
            state.Answer("schoolId"),
            key.Channel,
            state.Language.Code(),
            state.Answer("programme"),
            state.Advisor is not null,
            new DateTimeOffset(active.Year, active.Month, active.Day, active.Hour, 0, 0, TimeSpan.Zero));
    }

    /// <summary>The row as the API shows it; overdue and "soon" are judged at <paramref name="now"/> (Taiwan's date).</summary>
    public StudentSummary ToSummary(StudentKey key, DateTimeOffset now, DateTimeOffset? lastActive = null)
    {
        var today = TaipeiTime.DateOf(now);
        return new StudentSummary(
            key.ToString(),
            Channel,
            Name.Length == 0 ? StudentSummary.NoName : Name,
            Language,
            Kind,
            Stage,
            Programme,
            ArcExpiry,
            Deadline,
            Overdue: Deadline is { } d && d < today,
            ExpiresSoon: Deadline is { } s && s >= today && s.DayNumber - today.DayNumber <= StudentSummary.ExpiresSoonDays,
            WithAdvisor,
            lastActive ?? Active)
        {
            School = School,
        };
    }
}
