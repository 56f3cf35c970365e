using Bot.Dialogs.Conversation;

namespace Bot.Tests.Dialogs;

public sealed class StudentConversationTests
{
    [Fact]
    public void GreetsInBothLanguagesAndSuggestsChineseForAChineseTelegramClient()
    {
        var d = new DialogDriver().Say("hi", languageHint: "zh-hant");

        Assert.Contains("居留證小幫手", d.Text, StringComparison.Ordinal);
        Assert.Contains("ARC Helper", d.Text, StringComparison.Ordinal);
        Assert.StartsWith("中文", d.Buttons.First().Label, StringComparison.Ordinal);
    }

    [Fact]
    public void CompletesTheWholeExtensionApplicationInEnglish()
    {
        var d = new DialogDriver().ToReview();

        Assert.Contains("Step 9 of 9", d.Text, StringComparison.Ordinal);
        Assert.Contains("Surname: NGUYEN", d.Text, StringComparison.Ordinal);
        Assert.Contains("Given names: VAN AN", d.Text, StringComparison.Ordinal);

        d.Press("rev:ok");

        var summary = d.Text;
        Assert.Contains("英文姓氏: NGUYEN", summary, StringComparison.Ordinal);
        Assert.Contains("居留證號: A800000005", summary, StringComparison.Ordinal);
        Assert.Contains("申請來臺就學學制: 碩士", summary, StringComparison.Ordinal);
        Assert.Contains("延期事由: 在學延期", summary, StringComparison.Ordinal);
        Assert.Contains("Full address: 臺北市大安區羅斯福路四段1號", summary, StringComparison.Ordinal);
        Assert.Contains("領證地點: 臺北市服務站", summary, StringComparison.Ordinal);
        Assert.Contains("100213臺北市中正區廣州街15號", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Proof of residence", summary, StringComparison.Ordinal);
        Assert.True(summary.IndexOf("英文姓氏", StringComparison.Ordinal) < summary.IndexOf("居留證號", StringComparison.Ordinal));
        Assert.Contains(d.Last.Replies, r => r.Text.Contains(Reply.Copyable("NGUYEN"), StringComparison.Ordinal));

        d.Say("1045 2273 6210");

        Assert.Contains("104522736210", d.Text, StringComparison.Ordinal);
        Assert.Contains("送件受理通知", d.Text, StringComparison.Ordinal);
        Assert.Equal("104522736210", d.State.ReceiptNumber);
    }

    [Fact]
    public void StudentsTakingTurnsOnTheSameMachinesEachSeeOnlyTheirOwnConversation()
    {
        // The host reuses a configured conversation for whoever's turn comes next.
        var an = new DialogDriver().ToRegistration("English").Register();
        var mei = an.Beside().Say("你好", languageHint: "zh-TW").Tap("中文").Press("v:ext");

        an.Say("anything");
        var anSaw = an.Text;
        mei.Press("nav:skip").Press("v:two").Say("chen");
        an.Say("anything");

        Assert.Contains("名", mei.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("NGUYEN", mei.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Single(mei.Last.Replies);
        Assert.Equal("CHEN", mei.Answer("surname"));
        Assert.Equal("NGUYEN", an.Answer("surname"));
        Assert.Equal(anSaw, an.Text);
    }

    [Fact]
    public void CompletesTheApplicationInChineseWithTheSchoolDefaults()
    {
        var d = new DialogDriver([DialogDriver.Kaohsiung])
            .Say("你好", languageHint: "zh-TW").Tap("中文").Press("v:ext").Register().ThroughAccountSteps();

        Assert.Contains("學校", d.Text, StringComparison.Ordinal);
        d.Press("v:csu").Say("A800000005");
        Assert.Contains(d.Buttons, b => b.Label == "🏫 產學合作專班");
        d.Press("def").Press("v:studying");
        Assert.Contains(d.Buttons, b => b.Label == "🏫 正修科技大學產學合作專班");
        d.Press("def").Press("v:registered").Press("v:1").Press("v:no").Press("v:no").SkipDocuments()
            .Say("2031-05-31").Say("2027-01-31").Press("v:senior").Press("def").Press("nav:skip").Press("v:single").Press("nav:skip")
            .Press("v:school")     // school address
            .Press("v:school")     // school contact
            .Press("v:counter");

        Assert.Contains(d.Buttons, b => b.Label == "🏫 高雄市第一服務站");
        d.Press("def");

        Assert.Contains("第 9 步", d.Text, StringComparison.Ordinal);
        d.Press("rev:ok");
        Assert.Contains("完整地址: 高雄市鳥松區澄清路840號", d.Text, StringComparison.Ordinal);
        Assert.Contains("在臺聯絡人電話: 07-7358800*2253", d.Text, StringComparison.Ordinal);
        Assert.Contains("申請來臺就學學制: 產學合作專班", d.Text, StringComparison.Ordinal);
        Assert.Contains("802304高雄市苓雅區政南街6號5、6樓", d.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A800000006", "check digit")]
    [InlineData("A12345678", "1 letter + 9 digits")]
    [InlineData("A123456789", "national ID")]
    public void AsksForTheUiNumberAgainWhenItIsWrong(string typed, string explanation)
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().Say(typed);

        Assert.Contains(explanation, d.Text, StringComparison.Ordinal);
        Assert.Contains("居留證號 (your UI number", d.Text, StringComparison.Ordinal);
        Assert.Null(d.Answer("uiNumber"));
    }

    [Fact]
    public void AcceptsTheOldTwoLetterUiNumber()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().Say("aa00000009");

        Assert.Equal("AA00000009", d.Answer("uiNumber"));
    }

    [Fact]
    public void ExplainsTheDateFormatWhenDayComesFirst()
    {
        var d = new DialogDriver().ToRegistration()
            .Press("nav:skip").Press("v:two").Say("NGUYEN").Say("VAN AN").Press("v:VN").Say("23/09/2001");

        Assert.Contains("year first", d.Text, StringComparison.Ordinal);
        Assert.Null(d.Answer("birthDate"));
    }

    [Fact]
    public void SplitsAOneLinePassportNameAsTheNiaRuleSays()
    {
        var d = new DialogDriver().ToRegistration().Press("nav:skip").Press("v:one").Say("john terry lewis");

        Assert.Equal("JOHN", d.Answer("surname"));
        Assert.Equal("TERRY LEWIS", d.Answer("givenNames"));
        Assert.Contains("國籍", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesASimplifiedChineseNameAndShowsItInTraditionalCharacters()
    {
        var d = new DialogDriver().ToRegistration().Say("陈大文");

        Assert.Contains("In Traditional characters it is 陳大文", d.Text, StringComparison.Ordinal);
        Assert.Null(d.Answer("chineseName"));
        d.Say("陳大文");
        Assert.Equal("陳大文", d.Answer("chineseName"));
    }

    [Fact]
    public void RefusesAccentedLettersInTheEnglishName()
    {
        var d = new DialogDriver().ToRegistration().Press("nav:skip").Press("v:two").Say("Nguyễn");

        Assert.Contains("A–Z", d.Text, StringComparison.Ordinal);
        Assert.Null(d.Answer("surname"));
    }

    [Fact]
    public void GoesBackToThePreviousQuestionAndKeepsTheAnswer()
    {
        var d = new DialogDriver().ToRegistration().Press("nav:skip").Press("v:two").Say("NGUYEN").Press("nav:back");

        Assert.Contains("英文姓氏 (surname)", d.Text, StringComparison.Ordinal);
        Assert.Equal("NGUYEN", d.Answer("surname"));
        d.Say("TRAN");
        Assert.Equal("TRAN", d.Answer("surname"));
        Assert.Contains("英文名字 (given names)", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GoesBackAcrossStepsFromTheFirstFieldOfTheForm()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().Press("nav:back");

        Assert.Contains("Log in", d.Text, StringComparison.Ordinal);
        d.Press("nav:back").Press("nav:back").Press("nav:back");
        Assert.Contains("電子郵件 (e-mail)", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesToSkipARequiredQuestion()
    {
        var d = new DialogDriver().ToRegistration().Press("nav:skip").Press("v:two").Say("skip");

        Assert.Null(d.Answer("surname"));
        Assert.Contains("required", d.Text, StringComparison.Ordinal);
        d.Say("/skip");
        Assert.Contains("required", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EditsOneAnswerFromTheReviewAndReturnsToTheReview()
    {
        var d = new DialogDriver().ToReview().Press("rev:edit").Press("edit:passportNumber");

        Assert.Contains("C1234567", d.Text, StringComparison.Ordinal);
        d.Say("X7654321");

        Assert.Equal("X7654321", d.Answer("passportNumber"));
        Assert.Contains("Step 9 of 9", d.Text, StringComparison.Ordinal);
        Assert.Contains("Passport number: X7654321", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EditingTheNameFormatAsksForTheFullNameBeforeReturningToTheReview()
    {
        var d = new DialogDriver().ToReview().Press("rev:edit").Press("edit:nameLines").Press("v:one");

        Assert.Contains("JOHN TERRY LEWIS", d.Text, StringComparison.Ordinal);
        d.Say("Nguyen Van An");
        Assert.Equal("VAN AN", d.Answer("givenNames"));
        Assert.Contains("Step 9 of 9", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AsksForResidenceProofOnlyWhenTheAddressChanged()
    {
        var unchanged = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments();
        Assert.Contains("2. Passport data page", unchanged.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Proof of residence", unchanged.Text, StringComparison.Ordinal);

        var changed = new DialogDriver().ToRegistration().Register().ThroughAccountSteps()
            .Say("A800000005").Press("v:master").Press("v:studying").Say("NTU").Press("v:registered").Press("v:1").Press("v:yes").Press("v:no").SkipDocuments();
        Assert.Contains("Proof of residence", changed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsAboutAPassportExpiringWithinSixMonthsButAcceptsIt()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments().Say("2027-03-01");

        Assert.Equal("2027-03-01", d.Answer("passportExpiry"));
        Assert.Contains("within 6 months", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnExpiredPassport()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments().Say("2026-11-24");

        Assert.Null(d.Answer("passportExpiry"));
        Assert.Contains("expired", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void StopsTheExtensionWhenTheArcExpiredUnderThirtyDaysAgoAndSaysWhatToDoInstead()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments()
            .Say("2031-05-31").Say("2026-11-10");

        Assert.Contains("expired 15 days ago", d.Text, StringComparison.Ordinal);
        Assert.Contains("extension is no longer possible", d.Text, StringComparison.Ordinal);
        Assert.Contains("NIA's table for 15 days: NT$20,000", d.Text, StringComparison.Ordinal);
        Assert.Contains("NEW residence application", d.Text, StringComparison.Ordinal);
        Assert.Null(d.Answer("arcExpiry"));
        Assert.Equal(["nav:retry", "adv:ask", "new:yes"], d.Buttons.Select(b => b.Data));

        d.Say("2026-12-31");
        Assert.Equal("2026-12-31", d.Answer("arcExpiry"));
        Assert.Contains("最高學歷", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void StopsTheExtensionFromThirtyDaysOverdueWithTheLawTheHotlineAndAnAdvisor()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments()
            .Say("2031-05-31").Say("2026-10-20");

        Assert.Contains("expired 36 days ago", d.Text, StringComparison.Ordinal);
        Assert.Contains("no application can fix this", d.Text, StringComparison.Ordinal);
        Assert.Contains("leave Taiwan within 10 days", d.Text, StringComparison.Ordinal);
        Assert.Contains("1990", d.Text, StringComparison.Ordinal);
        Assert.Contains(d.Buttons, b => b.Data == "adv:ask");

        d.Press("nav:retry");
        Assert.Contains("When does your current ARC expire?", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnTheDayOfExpirySaysTodayAtTheLatest()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments()
            .Say("2031-05-31").Say("2026-11-25");

        Assert.Contains("submit today at the latest", d.Text, StringComparison.Ordinal);
        Assert.Equal("2026-11-25", d.Answer("arcExpiry"));
    }

    [Theory]
    [InlineData("臺北市")]
    [InlineData("台北市")]
    [InlineData("Taipei City")]
    [InlineData("1")]
    public void AcceptsTypedTextThatNamesAChoice(string typed)
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments()
            .Say("2031-05-31").Say("2027-01-31").Press("v:bachelor").Say("NTU").Press("nav:skip").Press("v:single").Press("nav:skip").Say(typed);

        Assert.Equal("TPE", d.Answer("city"));
    }

    [Fact]
    public void PagesTheLongListOfServiceStations()
    {
        var d = new DialogDriver().ToReview().Press("rev:edit");
        while (!d.Buttons.Any(b => b.Data == "edit:station"))
        {
            d.Tap("More");
        }

        d.Press("edit:station");

        Assert.True(d.Buttons.Count(b => b.Data.StartsWith("v:", StringComparison.Ordinal)) <= 8);
        d.Tap("More");
        Assert.Contains(d.Buttons, b => b.Label.Contains("Taichung City 2nd", StringComparison.Ordinal));
        d.Tap("Taichung City 2nd");
        Assert.Equal("TXG2", d.Answer("station"));
    }

    [Fact]
    public void SaysWhatItCannotUseAndAsksTheSameQuestionAgain()
    {
        var d = new DialogDriver().ToRegistration().Press("nav:skip");
        var before = d.State.Answers.Count;

        d.Send(Inbound.Unsupported("sticker"));

        Assert.Contains("not stickers", d.Text, StringComparison.Ordinal);
        Assert.Contains("passport's name", d.Text, StringComparison.Ordinal);
        Assert.Equal(before, d.State.Answers.Count);
    }

    [Fact]
    public void RefusesVeryLongTextWithoutChangingAnything()
    {
        var d = new DialogDriver().ToRegistration().Press("nav:skip").Press("v:two").Say(new string('A', 4000));

        Assert.Contains("too long", d.Text, StringComparison.Ordinal);
        Assert.Null(d.Answer("surname"));
    }

    [Fact]
    public void KeepsTheStudentsTextFromOpeningACopySpan()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps()
            .Say("A800000005").Press("v:master").Press("v:studying").Say("國立" + Reply.CopyStart + "臺灣大學" + Reply.CopyEnd);

        Assert.Equal("國立臺灣大學", d.Answer("schoolUnit"));
    }

    [Fact]
    public void AnswersAnUnknownCommandKindly()
    {
        var d = new DialogDriver().ToRegistration().Say("/frobnicate");

        Assert.Contains("don't know that command", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoresAButtonFromAnEarlierQuestion()
    {
        var d = new DialogDriver().ToRegistration().Press("nav:skip").Press("v:two").PressStale("v:m");

        Assert.Contains("earlier message", d.Text, StringComparison.Ordinal);
        Assert.Null(d.Answer("sex"));
    }

    [Fact]
    public void SwitchesLanguageMidFormAndAsksTheSameQuestion()
    {
        var d = new DialogDriver().ToRegistration().Press("nav:skip").Say("/language").Press("lang:zh-TW");

        Assert.Contains("已切換為中文", d.Text, StringComparison.Ordinal);
        Assert.Contains("護照上的姓名", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsProgressOnStatus()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().Say("/status");

        Assert.Contains("step 5 of 9", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void StartsOverOnlyAfterConfirmation()
    {
        var d = new DialogDriver().ToRegistration().Register().Say("/start");

        Assert.NotNull(d.Answer("surname"));
        d.Press("new:yes");
        Assert.Null(d.Answer("surname"));
        Assert.Contains("NIA menu", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AsksBeforeDeletingAndThenErases()
    {
        var d = new DialogDriver().ToRegistration().Say("/delete");

        Assert.False(d.Last.Effects.HasFlag(TurnEffects.EraseStudent));
        d.Press("del:yes");
        Assert.True(d.Last.Effects.HasFlag(TurnEffects.EraseStudent));
    }

    [Fact]
    public void AcceptsALandlineAsTheStationListWritesItAndRefusesOneTooShortWithAnExample()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments()
            .Say("2031-05-31").Say("2027-01-31").Press("v:bachelor").Say("NTU").Press("nav:skip").Press("v:single").Say("0212345");

        Assert.Contains("can't be a Taiwanese number", d.Text, StringComparison.Ordinal);
        Assert.Contains("02-2388-5185", d.Text, StringComparison.Ordinal);
        Assert.Null(d.Answer("taiwanPhone"));

        d.Say("(02)2388-5185");
        Assert.Equal("02-2388-5185", d.Answer("taiwanPhone"));
    }

    [Fact]
    public void RefusesAReceiptNumberThatIsNotTwelveDigits()
    {
        var d = new DialogDriver().ToReview().Press("rev:ok").Say("12345");

        Assert.Contains("exactly 12 digits", d.Text, StringComparison.Ordinal);
        Assert.Null(d.State.ReceiptNumber);
    }

    [Fact]
    public void KeepsAFinishedApplicationUnderFourKilobytes()
    {
        var d = new DialogDriver().ToReview().Press("rev:ok").Say("104522736210");

        Assert.True(d.SavedBytes < 4096, $"{d.SavedBytes} bytes");
    }
}
