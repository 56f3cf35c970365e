using Bot.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Host;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("ConnectionStrings:Redis", "", "ConnectionStrings:Redis")]
    [InlineData("Telegram:BotToken", "not-a-token", "Telegram:BotToken")]
    [InlineData("Storage:TurnLeaseSeconds", "0", "TurnLeaseSeconds")]
    [InlineData("Schools:0:NearestStation", "Nowhere", "Schools:0:NearestStation")]
    [InlineData("Storage:EncryptionKeys:test", "c2hvcnQ=", "Storage:EncryptionKeys:test is not a base64-encoded 32-byte key")]
    [InlineData("Storage:EncryptionKeys:test", "not base64!", "Storage:EncryptionKeys:test is not a base64-encoded 32-byte key")]
    [InlineData("Storage:ActiveKeyId", "k9", "there is no Storage:EncryptionKeys:k9")]
    [InlineData("Storage:EncryptionKeys:second", "dGVzdC1rZXktMzItYnl0ZXMtb2YtZW50cm9weS0wMDI=", "")]
    [InlineData("Schools:0:Id", "group", "taken by the bot's own link")]
    [InlineData("Telegram:BotUsername", "@arc helper", "Telegram:BotUsername")]
    public async Task RefusesToStartWithABadSettingAndNamesIt(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["Schools:0:Id"] = "ntu",
            ["Schools:0:Name"] = "國立臺灣大學",
            [key] = value,
        };

        if (key == "Storage:EncryptionKeys:second")
        {
            // Two keys and no Storage:ActiveKeyId: which one encrypts is not guessed.
            settings["Storage:EncryptionKeys:" + Infrastructure.TestKeys.Id] = Infrastructure.TestKeys.Key;
            named = "Storage:ActiveKeyId is required";
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesToStartWithoutAnEncryptionKeyAndSaysHowToMakeOne()
    {
        await using var app = Bot.Host.BotApp.Create([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.ClearProviders();
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "127.0.0.1:1", ["LocalChat:Enabled"] = "false" });
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Storage:EncryptionKeys is empty: set Storage__EncryptionKeys__<id>", error.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersHealth503WhenRedisIsDown()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200" });
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(host.BaseUrl + "/healthz"));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
