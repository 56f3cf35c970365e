namespace Bot.Tests.Dialogs;

/// <summary>Answers that take a student through the whole extension application.</summary>
internal static class ExtensionWalkthrough
{
    public static DialogDriver ToRegistration(this DialogDriver d, string language = "English") =>
        d.Say("hello").Tap(language).Press("v:ext");

    public static DialogDriver Register(this DialogDriver d) => d
        .Press("nav:skip")                 // Chinese name
        .Press("v:two")                    // surname and given names separate
        .Say("nguyen")
        .Say("van an")
        .Press("v:VN")
        .Say("2001-09-23")
        .Press("v:m")
        .Say("c1234567")
        .Say("+84 912 345 678")
        .Press("nav:skip")                 // extension
        .Say("an.nguyen@example.com");

    public static DialogDriver ThroughAccountSteps(this DialogDriver d) => d
        .Press("go:next")                  // registered
        .Press("go:next")                  // e-mail verified
        .Press("go:next");                 // logged in

    public static DialogDriver ExtensionRequest(this DialogDriver d) => d
        .Say("A800000005")
        .Press("v:master")
        .Press("v:studying")
        .Say("國立臺灣大學")
        .Press("v:registered")
        .Press("v:1")
        .Press("v:no")                     // address unchanged
        .Press("v:no");                    // same passport

    /// <summary>Passes the photo and document slots without uploading (the student will upload on the NIA site).</summary>
    public static DialogDriver SkipDocuments(this DialogDriver d)
    {
        while (d.State.Phase == "Documents")
        {
            d.Press("go:next");
        }

        return d;
    }

    public static DialogDriver PersonalData(this DialogDriver d) => d
        .Say("2031-05-31")
        .Say("2027-01-31")
        .Press("v:bachelor")
        .Say("國立臺灣大學")
        .Say("2")
        .Press("v:single")
        .Say("0912345678")
        .Press("v:TPE")
        .Say("大安區")
        .Press("nav:skip")                 // village
        .Press("nav:skip")                 // neighbourhood
        .Say("羅斯福路四段")
        .Press("nav:skip")                 // lane
        .Press("nav:skip")                 // alley
        .Say("1號")
        .Say("王小明")
        .Press("nav:skip")                 // contact id
        .Say("02-33663366")
        .Press("v:TW")
        .Press("v:counter")
        .Press("v:TPE");

    public static DialogDriver ToReview(this DialogDriver d) => d
        .ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments().PersonalData();
}
