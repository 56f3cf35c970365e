namespace Bot.Dialogs.Reminders;

public enum ReminderKind
{
    /// <summary>No 送件受理通知 e-mail confirmed a day after submitting.</summary>
    SubmissionEmailMissing,

    /// <summary>Not approved 7 days after submitting.</summary>
    ApprovalMissing,

    /// <summary>Approved: pay within 5 days.</summary>
    Payment,

    /// <summary>The payment deadline has passed unpaid.</summary>
    PaymentOverdue,

    /// <summary>No card-ready e-mail 8 days after paying.</summary>
    CardMissing,

    /// <summary>The card can be collected; repeats weekly until it is.</summary>
    Pickup,

    /// <summary>An application with a legal filing deadline (first ARC, data change, change of school) is not filed yet.</summary>
    FilingDue,

    /// <summary>The ARC expires soon: file the extension.</summary>
    ArcExpiry,

    /// <summary>The ARC has expired with no application filed.</summary>
    Overstay,
}
