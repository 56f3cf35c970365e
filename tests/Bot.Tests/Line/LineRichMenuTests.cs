using Bot.Dialogs.Messages;
using Bot.Host.Line;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;
using ImageMagick;

namespace Bot.Tests.Line;

/// <summary>The rich menu: made through the Messaging API at start, once across restarts and hosts, per language.</summary>
[Collection(RedisCollection.Name)]
public sealed class LineRichMenuTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> NoRichMenu = new() { ["Line:RichMenu"] = "false" };

    private LineHarness line = null!;

    private static int LanguageCount => Languages.All.Count;

    public async Task InitializeAsync() => line = await LineHarness.StartAsync(redis, NoRichMenu);

    public async Task DisposeAsync() => await line.DisposeAsync();

    [Fact]
    public async Task AtStartEveryLanguageGetsItsMenuDrawnOnA2500By843ImageAndTheEnglishOneIsTheDefault()
    {
        await line.StartHostAsync();
        await ReadyAsync();

        var menus = line.Platform.RichMenus;
        Assert.Equal(LanguageCount, menus.Count);
        Assert.Equal(Design(Language.English).Name, Assert.Single(menus, m => m.Id == line.Platform.DefaultRichMenuId).Name);
        var chinese = Assert.Single(menus, m => m.Name == Design(Language.TraditionalChinese).Name);
        Assert.Equal("選單", (string?)chinese.Menu["chatBarText"]);
        Assert.Equal(["/status", "/continue", "/ask", "/language", "/help"], chinese.Menu["areas"]!.AsArray().Select(a => (string?)a!["action"]!["data"]));
        Assert.Equal(["申請進度", "繼續", "詢問輔導老師", "語言", "說明"], chinese.Menu["areas"]!.AsArray().Select(a => (string?)a!["action"]!["displayText"]));

        foreach (var menu in menus)
        {
            Assert.Equal("image/png", menu.ContentType);
            Assert.InRange(menu.Image!.Length, 1, FakeLinePlatform.RichMenuImageBytes);
            using var image = new MagickImage(menu.Image);
            Assert.Equal((2500u, 843u), (image.Width, image.Height));
        }

        // Each language's labels are drawn: no two images are the same.
        Assert.Equal(LanguageCount, menus.Select(m => Convert.ToBase64String(m.Image!)).Distinct().Count());
        Assert.Empty(line.Platform.Violations);
    }

    [Fact]
    public async Task ARestartOrAnotherHostCreatesNothingAgainAndDeletesOnlyOurObsoleteMenus()
    {
        var first = await line.StartHostAsync();
        await ReadyAsync();
        var ids = line.Platform.RichMenus.Select(m => m.Id).Order().ToList();
        var obsolete = line.Platform.AddRichMenu("arc-helper en 0123456789abcdef");
        var campaign = line.Platform.AddRichMenu("Orientation week");

        await line.StopHostAsync(first);
        await line.StartHostAsync();
        await line.StartHostAsync();
        await line.Platform.WaitUntilAsync(
            p => p.Requests.Count(r => r.Path == "/v2/bot/richmenu/list") >= 3 && p.RichMenus.All(m => m.Id != obsolete), LineHarness.Timeout, "the obsolete menu deleted");

        Assert.Equal(ids.Append(campaign).Order(), line.Platform.RichMenus.Select(m => m.Id).Order());
        Assert.Equal(LanguageCount, line.Platform.Requests.Count(r => r.Method == "POST" && r.Path == "/v2/bot/richmenu"));
        Assert.Empty(line.Platform.Violations);
    }

    [Fact]
    public async Task TwoHostsStartingTogetherCreateEachMenuOnce()
    {
        await Task.WhenAll(line.StartHostAsync(), line.StartHostAsync());
        await ReadyAsync();
        await line.Platform.WaitUntilAsync(p => p.Requests.Count(r => r.Path == "/v2/bot/user/all/richmenu" && r.Method == "GET") >= 2, LineHarness.Timeout, "both hosts done");

        Assert.Equal(LanguageCount, line.Platform.Requests.Count(r => r.Method == "POST" && r.Path == "/v2/bot/richmenu"));
        Assert.Equal(LanguageCount, line.Platform.RichMenus.Count);
    }

    [Fact]
    public async Task LineFailingAtStartDelaysTheMenusWhileTheHostAnswersStudents()
    {
        line.Platform.FailRichMenuNext(2, 500);
        await line.StartHostAsync();
        var user = line.NewUser("en");
        var greeting = await line.SendAsync(user, line.Platform.Follow(user));
        Assert.NotEmpty(greeting);

        await ReadyAsync();
        Assert.Equal(LanguageCount, line.Platform.RichMenus.Count);
    }

    [Fact]
    public async Task ChoosingALanguageShowsThatLanguagesMenuAndItsTapsAnswerAsTheCommandsDo()
    {
        await line.StartHostAsync();
        await ReadyAsync();
        var user = line.NewUser("vi");
        await line.SendAsync(user, line.Platform.Follow(user));
        await line.StepsAsync(user, "lang:vi", "v:ext");

        var vietnamese = Assert.Single(line.Platform.RichMenus, m => m.Name == Design(Languages.All.Single(l => l.Code() == "vi")).Name);
        await line.Platform.WaitUntilAsync(p => p.RichMenuOf(user) == vietnamese.Id, LineHarness.Timeout, "the Vietnamese menu linked");

        var tapped = await line.SendAsync(user, line.Platform.Postback(user, "/status"));
        var typed = await line.SendAsync(user, line.Platform.TextMessage(user, "/status"));
        Assert.Equal(typed.Select(m => m.Text), tapped.Select(m => m.Text));
        Assert.Contains("2/9", tapped[^1].Text, StringComparison.Ordinal);

        // "Continue" asks the current question again.
        var again = await line.SendAsync(user, line.Platform.Postback(user, "/continue"));
        Assert.Contains("中文姓名", again[^1].Text, StringComparison.Ordinal);

        // Deleting their data takes their menu away too: LINE shows them the default again.
        await line.StepsAsync(user, "/delete", "del:yes");
        Assert.Null(line.Platform.RichMenuOf(user));
        Assert.Empty(line.Platform.Violations);
    }

    private static LineRichMenuDesign Design(Language language) => LineRichMenuDesign.For(language);

    private async Task ReadyAsync()
    {
        try
        {
            await line.Platform.WaitUntilAsync(
                p => p.DefaultRichMenuId is not null && p.RichMenus.Count(m => m.Image is not null) >= LanguageCount, LineHarness.Timeout, "the rich menus made");
        }
        catch (TimeoutException e)
        {
            var calls = line.Platform.Requests.Where(r => r.Path.Contains("richmenu", StringComparison.Ordinal)).Select(r => $"{r.Method} {r.Path} {r.StatusCode}");
            throw new TimeoutException($"{e.Message}; calls: {string.Join(", ", calls)}; violations: {string.Join(", ", line.Platform.Violations)}", e);
        }
    }
}
