using Bot.Tests.Infrastructure;

namespace Bot.Tests.Line;

/// <summary>LINE bots cannot delete messages and webhooks are stored before they are handled: no password is ever invited.</summary>
[Collection(RedisCollection.Name)]
public sealed class LinePasswordStepTests(RedisFixture redis) : LineHostTest(redis)
{
    [Fact]
    public async Task ThePasswordStepStatesTheRuleOffersNoCheckAndSaysNotToTypeAPassword()
    {
        var student = await (await FollowAsync("en")).Press("lang:en").Then(s => s.Press("v:ext")).Register();

        Assert.Contains("at least 8 characters", student.LastAnswer, StringComparison.Ordinal);
        Assert.Contains("don't type your NIA password in this chat", student.LastAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("I can check a password", student.LastAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("pw:check", student.Buttons);
        Assert.Contains("go:next", student.Buttons);

        // A check button from elsewhere, tapped anyway: still no invitation, and the next text is no password.
        await student.Press("pw:check");
        Assert.DoesNotContain("Type the password", student.LastAnswer, StringComparison.Ordinal);
        await student.Say("Sunflowers1");
        Assert.DoesNotContain("meets the NIA rule", student.LastAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("does not meet the NIA rule", student.LastAnswer, StringComparison.Ordinal);
        Assert.Empty(Platform.Violations);
    }

    [Fact]
    public async Task InChineseToo()
    {
        var student = await (await FollowAsync("zh-TW")).Press("lang:zh").Then(s => s.Press("v:ext")).Register();

        Assert.Contains("請勿在這個聊天室輸入移民署密碼", student.LastAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("pw:check", student.Buttons);
    }
}
