using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Applications.Kinds;

/// <summary>
/// 居留證資料異動: a new address (to be reported within 30 days, Act Art. 31 ¶6; not reporting: NT$2,000–10,000,
/// Art. 85 item 3), a new passport or other data. The new card costs NT$500 (Fees Art. 7). Documents: passport, ARC,
/// proof of the change, photo (Asia Univ. FAQ).
/// </summary>
internal static class DataChangeApplication
{
    private static bool NewAddress(FieldContext c) => c.State.Answer("changeKind") is "address" or "both";

    public static readonly ApplicationDefinition Definition = new("change", "居留證資料異動")
    {
        Fields =
        [
            .. CommonFields.Registration,

            // 資料異動 — what changed and when.
            CommonFields.SchoolProfile,
            CommonFields.UiNumber,
            new("changeKind", FormStep.Request, NiaScreen.Request, "異動項目") { Options = NiaLists.ChangeKinds },
            new("changeDate", FormStep.Request, NiaScreen.Request, "異動日期") { Read = (t, c) => DutyDates.Event(t, c.Today, "changeDate"), DateWindow = DutyDates.EventWindow },
            CommonFields.Programme,

            // 申請資料 — the application data.
            CommonFields.SchoolUnit,
            CommonFields.StudyStatus,

            .. CommonFields.PersonalData(CommonFields.ArcExpiry),
        ],
        Documents =
        [
            Documents.Photo,
            Documents.Required("arc", 1),
            Documents.Required("passport", 2),
            Documents.When("residence", 3, NewAddress),
            Documents.When("changeProof", 4, c => c.State.Answer("changeKind") == "other"),
            Documents.Other(5),
        ],
        ChecklistNotes = [new("documents.newPassport.change", s => s.Answer("changeKind") is "passport" or "both")],
        Fee = new ReissueFee(),
        FilingDue = s => DutyDates.Deadline(s.Answer("changeDate"), DutyDates.ThirtyDays),
    };
}
