using Bot.Dialogs.Applications;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Cases;

/// <summary>
/// A student's application as every reader sees it — the dialog, the reminder planner, the scheduler and the
/// advisors' dashboard: the stored <see cref="CaseProgress"/> plus what the application's answers say (its kind,
/// receipt number, ARC expiry, filing deadline, station). Built from the record, never stored; a value, so a host
/// compares two to know whether a turn changed the case.
/// </summary>
public sealed record StudentCase
{
    /// <summary>The application's code (<see cref="ApplicationDefinition.Code"/>).</summary>
    public string Kind { get; init; } = ApplicationCatalogue.Extension.Code;

    /// <summary>NIA's 12-digit receipt (case) number (收件號).</summary>
    public string? ReceiptNumber
    {
        get;
        init => field = value is null || IsReceiptNumber(value)
            ? value
            : throw new ArgumentException("A receipt number has exactly 12 digits.", nameof(value));
    }

    public CaseProgress Progress { get; init; } = CaseProgress.None;

    /// <summary>Last legal day of the student's current ARC, when the application asked it.</summary>
    public DateOnly? ArcExpiry { get; init; }

    /// <summary>The last day to file this application (e.g. 30 days after entry); null when none applies.</summary>
    public DateOnly? FilingDue { get; init; }

    /// <summary>Filing it deals with <see cref="ArcExpiry"/> (the extension), so expiry reminders stop once it is filed.</summary>
    public bool RenewsResidence { get; init; }

    public CardDelivery Delivery { get; init; }

    public string? StationId { get; init; }

    public CaseStage Stage => Progress.Stage;

    public bool RemindersMuted => Progress.Muted;

    /// <summary>Key reminders are grouped by when collapsing.</summary>
    public string CaseKey => ReceiptNumber ?? string.Empty;

    public static bool IsReceiptNumber(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);

    public static StudentCase Of(StudentState state)
    {
        var application = ApplicationCatalogue.For(state.ApplicationKind);
        return new StudentCase
        {
            Kind = application.Code,
            ReceiptNumber = state.ReceiptNumber is { } r && IsReceiptNumber(r) ? r : null,
            Progress = state.Case ?? CaseProgress.None,
            ArcExpiry = DateRules.Stored(state.Answer("arcExpiry")),
            FilingDue = state.ApplicationKind is null ? null : application.FilingDue?.Invoke(state),
            RenewsResidence = application.RenewsResidence,
            Delivery = application.Delivery(state),
            StationId = state.Answer("station"),
        };
    }
}
