using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Applications.Kinds;

/// <summary>
/// 居留證首次申請: a new student's first ARC, within 30 days counted from the day after entry (Act Art. 22 ¶2; late:
/// NT$2,000–10,000, Art. 85 item 2). Visa-exempt and visitor-visa entrants file from 15 days before their permitted
/// stay ends and pay NT$2,200 more (Regulations Art. 6 ¶2, Fees Art. 3). Before school registration the result is a
/// 6-month e-ARC, after it a 1-year card (school practice). The NIA's page for it is not in the sources: the bot
/// asks what the law and the extension page need, and says so (domain.md §4, §4.1).
/// </summary>
internal static class FirstApplication
{
    private static bool Visitor(FieldContext c) => c.State.Answer("entryVisa") == "visitor";

    private static bool Registered(FieldContext c) => c.State.Answer("studyStatus") != "notRegistered";

    public static readonly ApplicationDefinition Definition = new("first", "居留證首次申請")
    {
        Fields =
        [
            .. CommonFields.Registration,

            // 首次申請 — when and how the student came, and what they study.
            CommonFields.SchoolProfile,
            new("entryDate", FormStep.Request, NiaScreen.Request, "入境日期") { Read = (t, c) => DutyDates.Event(t, c.Today, "entryDate"), DateWindow = DutyDates.EventWindow },
            new("entryVisa", FormStep.Request, NiaScreen.Request, "入境簽證種類") { Options = NiaLists.EntryVisas },
            new("stayUntil", FormStep.Request, NiaScreen.Request, "停留期限") { Read = (t, c) => DutyDates.End(t, c.Today, "stayUntil"), DateWindow = DutyDates.EndWindow, AppliesWhen = Visitor },
            CommonFields.Programme,
            new("overseasChinese", FormStep.Request, NiaScreen.BotOnly, "僑生") { Options = NiaLists.YesNo },

            // 申請資料 — the application data.
            CommonFields.SchoolUnit,
            CommonFields.StudyStatus,
            CommonFields.Validity(ValidityRules.FirstApplication),

            .. CommonFields.PersonalData(collectsCard: Registered),
        ],
        Documents =
        [
            Documents.Photo,
            Documents.Required("passportVisa", 1),
            Documents.Required("admission", 2),
            Documents.When("enrolment", 3, Registered) with { WhenKey = "doc.enrolment.when.registered" },
            Documents.Required("residence", 4) with { HintKey = "doc.residence.hint.new" },
            Documents.Other(5),
        ],
        ChecklistNotes = [new("documents.placementLetter", s => s.Answer("overseasChinese") == "yes")],
        Fee = new PerYearFee(),
        FilingDue = s => s.Answer("entryVisa") == "visitor" ? DutyDates.Deadline(s.Answer("stayUntil")) : DutyDates.Deadline(s.Answer("entryDate"), DutyDates.ThirtyDays),
        Delivery = s => s.Answer("studyStatus") == "notRegistered" ? CardDelivery.Electronic : CardDelivery.Station,
    };
}
