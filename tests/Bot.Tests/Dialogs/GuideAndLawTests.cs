using Bot.Dialogs.Cases;

namespace Bot.Tests.Dialogs;

/// <summary>What the law and the school guide say, as the extension student meets it. The clock starts on 2026-11-25 in Taiwan.</summary>
public sealed class GuideAndLawTests
{
    private static DialogDriver Submitted(string language = "English") =>
        new DialogDriver().ToRegistration(language).Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments().PersonalData()
            .Press("rev:ok").Say("104522736210");

    [Fact]
    public void AGraduateIsOfferedOneYearAndAskedForProofOfGraduationInsteadOfEnrolment()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps()
            .Say("A800000005").Press("v:master").Press("v:graduate").Say("國立臺灣大學").Press("v:registered");

        Assert.Equal(["v:1"], d.Buttons.Where(b => b.Data.StartsWith("v:", StringComparison.Ordinal)).Select(b => b.Data));
        d.Press("v:1").Press("v:no").Press("v:no").SkipDocuments();
        Assert.Contains("Proof of graduation", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Enrolment proof", d.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v:language")]
    [InlineData("v:foreignTech")]
    public void LanguageCentreAndTrainingStudentsAreOfferedOneYearOnly(string programme)
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().Say("A800000005");
        while (!d.Buttons.Any(b => b.Data == programme))
        {
            d.Tap("More");
        }

        d.Press(programme).Press("v:studying").Say("國立臺灣大學").Press("v:registered");

        Assert.Equal(["v:1"], d.Buttons.Where(b => b.Data.StartsWith("v:", StringComparison.Ordinal)).Select(b => b.Data));
        Assert.Null(d.Send(Bot.Dialogs.Conversation.Inbound.Button("v:3")).Answer("validity"));
    }

    [Theory]
    [InlineData("English", "the receipt e-mail has arrived")]
    [InlineData("中文", "收到收據了")]
    public void TheReceiptEmailMeansTheCardIsReady(string language, string words)
    {
        var d = Submitted(language).Press("case:approved").Press("case:today").Press("case:fc:no").Press("case:paid").Press("pay:WebAtm").Say(words);

        Assert.Equal(CaseStage.CardReady, d.State.Case!.Stage);
        Assert.Contains(language == "English" ? "your passport" : "護照", d.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I got the payment e-mail")]
    [InlineData("收到繳費通知了")]
    public void ThePaymentEmailMeansTheApplicationIsApproved(string words)
    {
        var d = Submitted().Say(words);

        Assert.Contains("approval e-mail", d.Text + d.State.Field, StringComparison.Ordinal);
        Assert.Equal("case.approvedOn", d.State.Field);
    }

    [Fact]
    public void TellsTheGroupNumberApartFromTheReceiptNumber()
    {
        var d = new DialogDriver().ToReview().Press("rev:ok").Say("113 004 567");

        Assert.Contains("團號 (group number, 9 digits)", d.Text, StringComparison.Ordinal);
        Assert.Null(d.State.ReceiptNumber);
    }

    [Fact]
    public void TheSchoolAddressIsOfferedAsTheSchoolsRuleNotAsWhatSchoolsAsk()
    {
        var d = new DialogDriver([DialogDriver.Kaohsiung]).ToRegistration().Register().ThroughAccountSteps()
            .Press("v:csu").Say("A800000005").Press("def").Press("v:studying").Press("def").Press("v:registered").Press("v:1").Press("v:no").Press("v:no")
            .SkipDocuments().Say("2031-05-31").Say("2027-01-31").Press("v:senior").Press("def").Press("nav:skip").Press("v:single").Press("nav:skip");

        Assert.Contains("where you actually live", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("many schools", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvenienceStorePaymentSaysToPrintTheSlipFirst()
    {
        var d = Submitted().Press("case:approved").Press("case:today").Press("case:fc:no");

        Assert.Contains("產生繳費單 (make the payment slip) → 列印 (print)", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LoggingInGivesTheFullAddressAndTheForgotPasswordLink()
    {
        var d = new DialogDriver().ToRegistration().Register().Press("go:next").Press("go:next");

        Assert.Contains("https://coa.immigration.gov.tw/coa-frontend/foreign-student", d.Text, StringComparison.Ordinal);
        Assert.Contains("忘記密碼", d.Text, StringComparison.Ordinal);
    }
}
