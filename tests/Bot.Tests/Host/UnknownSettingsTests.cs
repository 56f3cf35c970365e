using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Host;

/// <summary>The real host warns at start about configuration keys it does not read, naming the key it probably meant.</summary>
[Collection(RedisCollection.Name)]
public sealed class UnknownSettingsTests(RedisFixture redis)
{
    [Theory]
    [InlineData("Line:ChanelSecret", "Line:ChanelSecret", "Line:ChannelSecret")]
    [InlineData("Telegram:BotTokn", "Telegram:BotTokn", "Telegram:BotToken")]
    [InlineData("Inbox:Consum", "Inbox:Consum", "Inbox:Consume")]
    [InlineData("ConnectionStrings:Rediss", "ConnectionStrings:Rediss", "ConnectionStrings:Redis")]
    [InlineData("Schools:0:Adress:City", "Schools:0:Adress", "Schools:0:Address")]
    [InlineData("Telegarm:BotToken", "Telegarm", "Telegram")]
    [InlineData("Advisors:ApiKey:Value", "Advisors:ApiKey:Value", null)]
    [InlineData("Storage:SomethingElseEntirely", "Storage:SomethingElseEntirely", null)]
    public async Task WarnsAboutAKeyNoSettingReadsAndSuggestsTheNearestOne(string key, string named, string? suggestion)
    {
        var logs = new LogCapture();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Schools:0:Id"] = "ntu",
            ["Schools:0:Name"] = "國立臺灣大學",
            [key] = "never-logged-value",
        };

        await using var host = await BotHost.StartAsync(settings, b => b.Logging.AddProvider(logs));

        var warning = Assert.Single(logs.Entries, e => e.EventId is 900 or 901);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(named, warning.Values["Key"]);
        Assert.Equal(suggestion, warning.Values.GetValueOrDefault("Suggestion"));
        Assert.DoesNotContain("never-logged-value", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheShippedSettingsAndEverySectionsRealKeysRaiseNoWarning()
    {
        var logs = new LogCapture();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Line:MaxEventAge"] = "12:00:00",
            ["line:pushbatchwindow"] = "00:00:01",
            ["Advisors:TelegramUserIds:0"] = "42",
            ["Advisors:LineUserIds:1"] = "U0123",
            ["Schools:0:Id"] = "ntu",
            ["Schools:0:Name"] = "國立臺灣大學",
            ["Schools:0:Address:City"] = "臺北市",
            ["Inbox:Consume"] = "true",
            ["Holidays:File"] = "",
            ["Reminders:RetrySeconds"] = "300",
        };

        await using var host = await BotHost.StartAsync(settings, b => b.Logging.AddProvider(logs));

        Assert.DoesNotContain(logs.Entries, e => e.EventId is 900 or 901);
    }
}
