using Bot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Host;

public sealed class FeesOptionsTests
{
    [Fact]
    public async Task AZeroFeeFailsTheStartNamingTheKey()
    {
        await using var app = BotApp.Create([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.ClearProviders();
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = "127.0.0.1:1",
                ["Telegram:BotToken"] = "",
                ["LocalChat:Enabled"] = "false",
                ["Fees:PerYear"] = "0",
            });
            b.Configuration.AddInMemoryCollection(Bot.Tests.Infrastructure.TestKeys.Settings);
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("PerYear", error.Message, StringComparison.Ordinal);
    }
}
