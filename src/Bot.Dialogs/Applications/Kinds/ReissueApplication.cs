using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Applications.Kinds;

/// <summary>
/// 居留證補發申請: a lost, stolen or damaged card. A police report or a signed loss declaration, passport, enrolment
/// proof, photo; NT$500 (NYCU table, TCUST; Fees Art. 7). The new card is valid no longer than the old one had left
/// (Enforcement Rules Art. 39). No filing deadline was found: the bot says so, and why not to wait.
/// </summary>
internal static class ReissueApplication
{
    public static readonly ApplicationDefinition Definition = new("reissue", "居留證補發申請")
    {
        Fields =
        [
            .. CommonFields.Registration,

            // 補發申請 — the card being replaced.
            CommonFields.SchoolProfile,
            CommonFields.UiNumber with { AskKey = "field.uiNumber.ask.reissue" },
            new("reissueReason", FormStep.Request, NiaScreen.Request, "補發原因") { Options = NiaLists.ReissueReasons },
            CommonFields.Programme,

            // 申請資料 — the application data.
            CommonFields.SchoolUnit,
            CommonFields.StudyStatus,

            .. CommonFields.PersonalData(CommonFields.ArcExpiry with { AskKey = "field.arcExpiry.ask.reissue" }),
        ],
        Documents =
        [
            Documents.Photo,
            Documents.When("lossReport", 1, c => c.State.Answer("reissueReason") is not "damaged"),
            Documents.When("damagedCard", 1, c => c.State.Answer("reissueReason") == "damaged"),
            Documents.Required("passport", 2),
            Documents.Required("enrolment", 3),
            Documents.Other(4),
        ],
        Fee = new ReissueFee(),
    };
}
