namespace Bot.Dialogs.Conversation;

/// <summary>
/// The data carried by buttons (≤ 64 bytes on Telegram, ≤ 300 on LINE). A short prefix says what the button
/// does; the dialog checks that a pressed button still fits the current question.
/// </summary>
public static class ButtonData
{
    public const string Back = "nav:back";
    public const string Skip = "nav:skip";
    public const string Help = "nav:help";

    /// <summary>Ask the current field again (after an answer that stopped the application).</summary>
    public const string Retry = "nav:retry";
    public const string Next = "go:next";
    public const string SchoolDefault = "def";
    public const string CheckPassword = "pw:check";
    public const string EmailMissing = "mail:missing";
    public const string ReviewOk = "rev:ok";
    public const string ReviewEdit = "rev:edit";
    public const string DeleteYes = "del:yes";
    public const string DeleteNo = "del:no";
    public const string StartOverYes = "new:yes";
    public const string StartOverNo = "new:no";
    public const string Status = "status";
    public const string Summary = "summary";
    public const string Pdf = "pdf";
    public const string Mute = "rem:off";
    public const string Unmute = "rem:on";

    /// <summary>A case event the student reports ("case:paid"); see <see cref="Cases.CaseEvent"/>.</summary>
    public const string CasePrefix = "case:";
    public const string Today = "case:today";
    public const string OverseasChineseYes = "case:fc:yes";
    public const string OverseasChineseNo = "case:fc:no";
    public const string PaymentPrefix = "pay:";
    public const string AskAdvisor = "adv:ask";

    /// <summary>"Not sure which application": a question or two that point to the right one.</summary>
    public const string Unsure = "app:unsure";
    public const string CancelAsk = "adv:cancel";

    /// <summary>
    /// Buttons that open the phone's camera or photo library where the platform has them (LINE quick replies);
    /// channels without such buttons leave them out (Telegram's attach button does the same).
    /// </summary>
    public const string InputPrefix = "input:";
    public const string Camera = "input:camera";
    public const string CameraRoll = "input:cameraRoll";

    public const string ValuePrefix = "v:";
    public const string PagePrefix = "pg:";
    public const string LanguagePrefix = "lang:";
    public const string EditPrefix = "edit:";

    public static string Value(string code) => ValuePrefix + code;

    public static string Page(int page) => PagePrefix + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Edit(string fieldId) => EditPrefix + fieldId;

    public static string Event(Cases.CaseEvent caseEvent) => CasePrefix + caseEvent.ToString().ToLowerInvariant();
}
