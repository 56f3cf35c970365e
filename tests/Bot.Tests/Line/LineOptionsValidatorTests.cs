using Bot.Host.Line;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bot.Tests.Line;

public sealed class LineOptionsValidatorTests
{
    [Fact]
    public async Task StartsWithoutATokenWhenTheSecretIsEmpty()
    {
        using var host = LineTestHost.BuildFrom(new Dictionary<string, string?> { ["Line:ChannelSecret"] = "" });
        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task FailsAtStartNamingTheTokenWhenTheSecretIsSet()
    {
        using var host = LineTestHost.BuildFrom(new Dictionary<string, string?> { ["Line:ChannelSecret"] = "secret" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(nameof(LineOptions.ChannelAccessToken), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesABaseUrlThatIsNotAUrl()
    {
        var options = new LineOptions { ChannelSecret = "secret", ChannelAccessToken = "token", ApiBaseUrl = "api.line.me" };
        var result = new LineOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(nameof(LineOptions.ApiBaseUrl), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsTheDefaultsWithATokenWhenOn()
    {
        var options = new LineOptions { ChannelSecret = "secret", ChannelAccessToken = "token" };
        Assert.True(new LineOptionsValidator().Validate(null, options).Succeeded);
    }
}
