using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Applications.Kinds;

/// <summary>
/// 居留證延期申請(含資料異動): a student whose ARC expires within 3 months extends it (domain.md §2.3–2.5, §3). The
/// "含資料異動" part: a new passport is updated by the extension itself.
/// </summary>
internal static class ExtensionApplication
{
    public static readonly ApplicationDefinition Definition = new("ext", "居留證延期申請(含資料異動)")
    {
        Fields =
        [
            .. CommonFields.Registration,

            // 延期申請 — the extension request.
            CommonFields.SchoolProfile,
            CommonFields.UiNumber,
            CommonFields.Programme,
            new("reason", FormStep.Request, NiaScreen.Request, "延期事由") { Options = NiaLists.Reasons },

            // 申請資料 — the application data.
            CommonFields.SchoolUnit,
            CommonFields.StudyStatus,
            CommonFields.Validity(ValidityRules.Extension),
            new("addressChanged", FormStep.ApplicationData, NiaScreen.BotOnly, "地址是否變更") { Options = NiaLists.YesNo },
            new("passportChanged", FormStep.ApplicationData, NiaScreen.BotOnly, "護照是否更換") { Options = NiaLists.YesNo },

            .. CommonFields.PersonalData(CommonFields.ArcExpiry),
        ],
        Documents =
        [
            Documents.Photo,
            Documents.Required("arc", 1),
            Documents.Required("passport", 2),
            Documents.When("residence", 3, Documents.Yes("addressChanged")),
            Documents.When("enrolment", 4, c => c.State.Answer("reason") != "graduate"),
            Documents.When("graduation", 4, c => c.State.Answer("reason") == "graduate"),
            Documents.Other(5),
        ],
        ChecklistNotes =
        [
            new("documents.exchangeLetter", s => s.Answer("programme") == "exchange"),
            new("documents.newPassport", s => s.Answer("passportChanged") == "yes"),
        ],
        Fee = new PerYearFee(),
        FilingDue = s => DateRules.Stored(s.Answer("arcExpiry")),
        RenewsResidence = true,
    };
}
