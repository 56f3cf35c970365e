using Bot.Host.Line;
using Bot.Tests.Line.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Line;

/// <summary>A host with only the LINE registration, pointed at a <see cref="FakeLinePlatform"/>.</summary>
public static class LineTestHost
{
    public const string ChannelSecret = "test-channel-secret";

    public static IHost Build(FakeLinePlatform platform, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Line:ChannelSecret"] = ChannelSecret,
            ["Line:ChannelAccessToken"] = platform.ChannelAccessToken,
            ["Line:ApiBaseUrl"] = platform.ApiBaseUrl,
            ["Line:DataApiBaseUrl"] = platform.DataApiBaseUrl,
            // Short back-off: the retry tests are about which key is sent, not about waiting.
            ["Line:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return BuildFrom(settings);
    }

    public static IHost BuildFrom(IDictionary<string, string?> settings)
    {
        // Fully qualified: inside Bot.Tests, "Host" would mean the Bot.Host namespace.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddLine();
        return builder.Build();
    }

    public static LineMessagingClient Client(this IHost host) => host.Services.GetRequiredService<LineMessagingClient>();
}
