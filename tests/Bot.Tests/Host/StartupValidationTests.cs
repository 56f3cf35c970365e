using Bot.Tests.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Host;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("ConnectionStrings:Redis", "", "ConnectionStrings:Redis")]
    [InlineData("Telegram:BotToken", "not-a-token", "Telegram:BotToken")]
    [InlineData("Storage:TurnLeaseSeconds", "0", "TurnLeaseSeconds")]
    [InlineData("Schools:0:NearestStation", "Nowhere", "Schools:0:NearestStation")]
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

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
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
