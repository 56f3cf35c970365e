namespace Bot.Dialogs.Reminders;

/// <summary>Keys of Messages/reminders.en.json and reminders.zh-TW.json; the comment on each lists its placeholders.</summary>
public static class ReminderMessageKeys
{
    /// <summary>{0} submission date.</summary>
    public const string SubmissionEmailMissing = "reminder.submissionEmailMissing";

    /// <summary>{0} submission date.</summary>
    public const string ApprovalMissing = "reminder.approvalMissing";

    /// <summary>{0} payment deadline.</summary>
    public const string PaymentApproved = "reminder.payment.approved";

    /// <summary>{0} payment deadline, {1} days left.</summary>
    public const string PaymentAgain = "reminder.payment.again";

    /// <summary>{0} payment deadline (today).</summary>
    public const string PaymentLastDay = "reminder.payment.lastDay";

    /// <summary>{0} payment deadline (passed).</summary>
    public const string PaymentOverdue = "reminder.payment.overdue";

    /// <summary>{0} payment date.</summary>
    public const string CardMissing = "reminder.cardMissing";

    /// <summary>{0} first day the card can be collected.</summary>
    public const string Pickup = "reminder.pickup";

    /// <summary>{0} first day the e-ARC can be downloaded.</summary>
    public const string Download = "reminder.download";

    /// <summary>{0} ARC expiry date.</summary>
    public const string ArcExpiryWindowOpen = "reminder.arcExpiry.windowOpen";

    /// <summary>{0} ARC expiry date, {1} days left.</summary>
    public const string ArcExpiryApproaching = "reminder.arcExpiry.approaching";

    /// <summary>{0} days overdue, {1} fine, {2} fine if halved, {3} ARC expiry date.</summary>
    public const string OverstayUnderThirty = "reminder.overstay.underThirty";

    /// <summary>{0} days overdue, {1} fine, {2} fine if halved, {3} ARC expiry date.</summary>
    public const string OverstayThirtyOrMore = "reminder.overstay.thirtyOrMore";

    /// <summary>Answer to "overstay N days": {0} days, {1} fine, {2} fine if halved.</summary>
    public const string OverstayAnswerUnderThirty = "overstay.answer.underThirty";

    /// <summary>Answer to "overstay N days": {0} days, {1} fine, {2} fine if halved.</summary>
    public const string OverstayAnswerThirtyOrMore = "overstay.answer.thirtyOrMore";

    /// <summary>The fine table itself, no placeholders.</summary>
    public const string OverstayFineTable = "overstay.fineTable";

    /// <summary>Every key above, for tests and for the host's start-up check.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SubmissionEmailMissing, ApprovalMissing, PaymentApproved, PaymentAgain, PaymentLastDay, PaymentOverdue,
        CardMissing, Pickup, Download, ArcExpiryWindowOpen, ArcExpiryApproaching, OverstayUnderThirty, OverstayThirtyOrMore,
        OverstayAnswerUnderThirty, OverstayAnswerThirtyOrMore, OverstayFineTable,
    ];
}
