using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Applications.Kinds;

/// <summary>
/// 轉換學校申請(轉學、升學): a transfer or a move up a level changes the purpose of residence, to be reported within
/// 30 days (Act Art. 23-1; Regulations Art. 7). Its documents and fee were not found in the sources: the bot asks for
/// the likely ones (the new school's admission and enrolment proof) and says they are not confirmed (domain.md §4).
/// </summary>
internal static class SchoolChangeApplication
{
    public static readonly ApplicationDefinition Definition = new("school", "轉換學校申請(轉學、升學)")
    {
        Fields =
        [
            .. CommonFields.Registration,

            // 轉換學校申請 — the new school.
            CommonFields.SchoolProfile,
            CommonFields.UiNumber,
            new("schoolChangeKind", FormStep.Request, NiaScreen.Request, "轉換類別") { Options = NiaLists.SchoolChangeKinds },
            new("schoolChangeDate", FormStep.Request, NiaScreen.Request, "轉換日期") { Read = (t, c) => DutyDates.Event(t, c.Today, "schoolChangeDate"), DateWindow = DutyDates.EventWindow },
            CommonFields.Programme with { AskKey = "field.programme.ask.school" },

            // 申請資料 — the application data.
            CommonFields.SchoolUnit with { AskKey = "field.schoolUnit.ask.school" },
            CommonFields.StudyStatus,
            CommonFields.Validity(ValidityRules.ForProgramme),

            .. CommonFields.PersonalData(CommonFields.ArcExpiry),
        ],
        Documents =
        [
            Documents.Photo,
            Documents.Required("arc", 1),
            Documents.Required("passport", 2),
            Documents.Required("newAdmission", 3),
            Documents.When("enrolment", 4, c => c.State.Answer("studyStatus") != "notRegistered") with { WhenKey = "doc.enrolment.when.registered" },
            Documents.Other(5),
        ],
        ChecklistNotes = [new("documents.unconfirmed", _ => true)],
        Fee = new UnconfirmedFee(),
        FilingDue = s => DutyDates.Deadline(s.Answer("schoolChangeDate"), DutyDates.ThirtyDays),
    };
}
