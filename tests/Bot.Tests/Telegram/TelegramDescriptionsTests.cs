using Bot.Dialogs.Messages;
using Bot.Host.Telegram;
using Bot.Tests.Infrastructure;
using global::Telegram.Bot;

namespace Bot.Tests.Telegram;

[Collection(RedisCollection.Name)]
public sealed class TelegramDescriptionsTests(RedisFixture redis) : TelegramHostTest(redis)
{
    private static readonly (string? Code, Language Language)[] Published =
        [(null, Language.English), ("zh", Language.TraditionalChinese), ("vi", new Language("vi")), ("id", new Language("id"))];

    [Fact]
    public async Task TheBotDescribesItselfInEveryLanguageAndDoesNotSetTheSameTextsAgainAfterARestart()
    {
        await WaitForDescriptionsAsync();
        var catalogue = MessageCatalogue.Default;
        foreach (var (code, language) in Published)
        {
            Assert.Equal(catalogue.Text(language, "bot.description"), Telegram.DescriptionFor(code));
            Assert.Equal(catalogue.Text(language, "bot.shortDescription"), Telegram.ShortDescriptionFor(code));
        }

        Assert.Contains("Tiếng Việt", Telegram.DescriptionFor("vi"), StringComparison.Ordinal);
        Assert.Contains("居留證", Telegram.ShortDescriptionFor("zh"), StringComparison.Ordinal);
        var setsBefore = Sets();
        Assert.Equal(8, setsBefore);

        // Another start (a deploy, a second host): it reads every text back and finds nothing to change.
        var readsBefore = Telegram.Calls.Count(c => c.Method.StartsWith("getMy", StringComparison.Ordinal));
        await RestartHostAsync();
        await Telegram.WaitUntilAsync(t => t.Calls.Count(c => c.Method.StartsWith("getMy", StringComparison.Ordinal)) >= readsBefore + 8, TelegramStudent.Patience);
        Assert.Equal(setsBefore, Sets());
        Assert.Empty(Telegram.Violations);
    }

    [Fact]
    public async Task AChangedTextIsSetAgainForItsLanguageOnly()
    {
        await WaitForDescriptionsAsync();
        // Someone edited the Vietnamese description in BotFather.
        var botFather = new TelegramBotClient(new TelegramBotClientOptions(Telegram.Token, Telegram.BaseUrl));
        await botFather.SetMyDescription("old text", "vi");

        var setsBefore = Sets();
        await RestartHostAsync();
        await Telegram.WaitUntilAsync(t => t.DescriptionFor("vi") != "old text", TelegramStudent.Patience);

        Assert.Equal(MessageCatalogue.Default.Text(new Language("vi"), "bot.description"), Telegram.DescriptionFor("vi"));
        Assert.Equal(setsBefore + 1, Sets());
    }

    [Fact]
    public void EveryLanguagesDescriptionsFitTelegramsLimits()
    {
        foreach (var language in Languages.All)
        {
            var description = MessageCatalogue.Default.Text(language, "bot.description");
            var shortDescription = MessageCatalogue.Default.Text(language, "bot.shortDescription");
            Assert.InRange(description.Length, 1, TelegramDescriptions.MaxDescriptionLength);
            Assert.InRange(shortDescription.Length, 1, TelegramDescriptions.MaxShortDescriptionLength);
            Assert.Equal(TelegramSpec.MaxDescriptionLength, TelegramDescriptions.MaxDescriptionLength);
            Assert.Equal(TelegramSpec.MaxShortDescriptionLength, TelegramDescriptions.MaxShortDescriptionLength);
        }
    }

    private int Sets() => Telegram.Calls.Count(c => c.Method is "setMyDescription" or "setMyShortDescription" && c.Succeeded);

    private Task WaitForDescriptionsAsync() => Telegram.WaitUntilAsync(
        t => Published.All(p => t.DescriptionFor(p.Code) is not null && t.ShortDescriptionFor(p.Code) is not null), TelegramStudent.Patience);
}
