using Bot.Dialogs.Conversation;
using Bot.Dialogs.Uploads;
using Bot.Tests.Uploads;

namespace Bot.Tests.Dialogs;

/// <summary>The steps every application shares: choose it, register, the account steps, the personal data, and submit.</summary>
internal static class ApplicationWalkthrough
{
    /// <summary>Greets, picks the language ("English" or "中文") and the application by its code.</summary>
    public static DialogDriver Choose(this DialogDriver d, string code, string language = "English") =>
        d.Say(language == "English" ? "hello" : "你好", language == "English" ? "en" : "zh-TW").Tap(language).Press("v:" + code);

    /// <summary>Registration and the three account steps, up to the application's own page.</summary>
    public static DialogDriver ToApplicationPage(this DialogDriver d) => d.Register().ThroughAccountSteps();

    /// <summary>The personal data form; <paramref name="arcExpiry"/> when the application asks the ARC's expiry, <paramref name="pickup"/> when a card is collected.</summary>
    public static DialogDriver PersonalData(this DialogDriver d, string? arcExpiry, bool pickup = true)
    {
        d.Say("2031-05-31");
        if (arcExpiry is not null)
        {
            d.Say(arcExpiry);
        }

        d.Press("v:bachelor").Say("國立臺灣大學").Say("2").Press("v:single").Say("0912345678")
            .Press("v:TPE").Say("大安區").Press("nav:skip").Press("nav:skip").Say("羅斯福路四段").Press("nav:skip").Press("nav:skip").Say("1號")
            .Say("王小明").Press("nav:skip").Say("02-33663366").Press("v:TW");
        return pickup ? d.Press("v:counter").Press("v:TPE") : d;
    }

    /// <summary>Confirms the review and gives the receipt number: the case starts.</summary>
    public static DialogDriver Submit(this DialogDriver d) => d.Press("rev:ok").Say("104522736210");

    /// <summary>Sends the test scan to the current document slot, prepared by the real document pipeline.</summary>
    public static DialogDriver UploadScan(this DialogDriver d, string slotFileStem)
    {
        var prepared = new DocumentPreparer().Prepare(TestImages.Read("scanned-page.png"), "scan.png", slotFileStem);
        var upload = new UploadRef("file-1", "scan.png", "image/png", null, IsPhoto: false);
        return d.Send(Inbound.Files([upload]) with { Processed = [new ProcessedUpload(Document: prepared)] });
    }
}
