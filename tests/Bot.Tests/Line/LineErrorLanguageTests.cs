using System.Text.Json.Nodes;
using Bot.Dialogs.Messages;
using Bot.Dialogs.Uploads;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Line;

/// <summary>On LINE too, what the host says itself — a file it could not download, one too big, the pointer out of a group — and the dialog's confirmations come in the chosen language.</summary>
[Collection(RedisCollection.Name)]
public sealed class LineErrorLanguageTests(RedisFixture redis) : LineHostTest(redis)
{
    public static TheoryData<string, string> Languages => new() { { "lang:en", "en" }, { "lang:zh-TW", "zh-TW" } };

    private static string Text(string language, string key) => MessageCatalogue.Default.Text(new Language(language), key);

    /// <summary>Chose a language (their LINE profile says none), then walked to the photo step.</summary>
    private async Task<LineStudent> AtThePhotoStepAsync(string choice) =>
        await (await FollowAsync()).Press(choice).Press("v:ext").Register()
            .Press("go:next").Press("go:next").Press("go:next")
            .Say("A800000005").Press("v:master").Press("v:studying").Say("NTU").Press("v:registered").Press("v:1").Press("v:no").Press("v:no");

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task StartOverMidFormAsksInTheChosenLanguage(string choice, string language)
    {
        var student = await (await FollowAsync()).Press(choice).Press("v:ext").Press("nav:skip").Say("/start");

        Assert.Contains(Text(language, "startOver.confirm"), student.LastAnswer, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task APictureLineNoLongerHasIsExplainedInTheChosenLanguage(string choice, string language)
    {
        var student = await AtThePhotoStepAsync(choice);

        // The content endpoint answers 404: the picture expired on LINE's side (or never finished uploading).
        await student.Send(Platform.Image(student.UserId, "never-uploaded-" + Guid.NewGuid().ToString("N")));

        Assert.Contains(Text(language, "upload.fetchFailed"), student.LastAnswer, StringComparison.Ordinal);
        Assert.Contains(Platform.Requests, r => r.Path.StartsWith("/v2/bot/message/never-uploaded-", StringComparison.Ordinal));
        Assert.Empty(Platform.Violations);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AFileOverTheDownloadLimitIsRefusedInTheChosenLanguage(string choice, string language)
    {
        var student = await AtThePhotoStepAsync(choice);
        await student.Press("go:next").Then(s => s.Press("go:next"));

        // LINE says a file's size in the event: 25 MB is refused before anything is downloaded.
        var file = Platform.File(student.UserId, "big-" + Guid.NewGuid().ToString("N"), "passport.pdf");
        file["message"]!["fileSize"] = 25 * 1024 * 1024;
        await student.Send(file);

        Assert.Contains(Text(language, UploadMessageKeys.DocProblemTooLarge), student.LastAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain(Platform.Requests, r => r.Path.StartsWith("/v2/bot/message/big-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AStudentMentioningTheBotInAGroupIsPointedToThePrivateChatInTheirLanguage(string choice, string language)
    {
        var student = await (await FollowAsync()).Press(choice);
        var mention = Platform.TextMessage(student.UserId, "@ARC Helper how do I extend?");
        mention["source"] = new JsonObject { ["type"] = "group", ["groupId"] = "Cgroup" + choice.Length, ["userId"] = student.UserId };
        mention["message"]!["mention"] = new JsonObject
        {
            ["mentionees"] = new JsonArray(new JsonObject { ["index"] = 0, ["length"] = 10, ["type"] = "user", ["isSelf"] = true }),
        };

        await student.Send(mention);

        // The reply token of the mention was issued to the user, so the fake files the answer under them.
        Assert.Equal(Text(language, "group.privateOnlyLine"), Assert.Single(student.LastMessages).Text);
    }
}
