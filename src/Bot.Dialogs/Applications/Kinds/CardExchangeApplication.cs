using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Applications.Kinds;

/// <summary>
/// 居留證換證(未註冊電子證換已註冊IC居留證): a student who got the 6-month e-ARC before registering swaps it for the
/// IC card once registered. Documents: passport, the e-ARC, a photo (Asia Univ. FAQ). The fee was not found, nor the
/// NIA's page: the bot says so (domain.md §4.1).
/// </summary>
internal static class CardExchangeApplication
{
    public static readonly ApplicationDefinition Definition = new("swap", "居留證換證(未註冊電子證換已註冊IC居留證)")
    {
        Fields =
        [
            .. CommonFields.Registration,

            // 換證 — the e-ARC being exchanged.
            CommonFields.SchoolProfile,
            CommonFields.UiNumber with { AskKey = "field.uiNumber.ask.swap" },
            new("eArcExpiry", FormStep.Request, NiaScreen.BotOnly, "電子居留證效期") { Read = (t, c) => DutyDates.End(t, c.Today, "eArcExpiry"), DateWindow = DutyDates.EndWindow },
            CommonFields.Programme,

            // 申請資料 — the application data.
            CommonFields.SchoolUnit,
            CommonFields.StudyStatus,
            CommonFields.Validity(ValidityRules.CardExchange),

            .. CommonFields.PersonalData(),
        ],
        Documents =
        [
            Documents.Photo,
            Documents.Required("passport", 1),
            Documents.Required("eArc", 2),
            Documents.Optional("enrolment", 3),
            Documents.Other(4),
        ],
        ChecklistNotes = [new("documents.notRegisteredYet", s => s.Answer("studyStatus") == "notRegistered")],
        Fee = new UnconfirmedFee(),
        FilingDue = s => DutyDates.Deadline(s.Answer("eArcExpiry")),
    };
}
