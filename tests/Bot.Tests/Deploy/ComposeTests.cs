using System.Text.Json.Nodes;

namespace Bot.Tests.Deploy;

/// <summary>
/// compose.yaml, read as compose reads it (Docker cannot run here, and `docker compose config` is not installed): the
/// keys an operator relies on, checked against the host itself and the contract.
/// </summary>
public sealed class ComposeTests
{
    private static readonly JsonObject Compose = YamlDocuments.ParseOne(DeployFiles.Read("compose.yaml"));

    private static JsonObject Service(string name) => Compose["services"]![name]!.AsObject();

    [Fact]
    public void RedisRequiresThePasswordFromTheEnvironmentAndTheHostConnectsWithIt()
    {
        var redis = Service("redis");
        // The password goes into a config file at start, so it does not show in the process list.
        var command = string.Join(' ', redis["command"]!.AsArray().Select(c => (string?)c));
        Assert.Contains("requirepass", command, StringComparison.Ordinal);
        Assert.Contains("$$REDIS_PASSWORD", command, StringComparison.Ordinal);
        Assert.Contains("--maxmemory-policy noeviction", command, StringComparison.Ordinal);
        // Required: compose refuses to start without it rather than run an open Redis.
        Assert.StartsWith("${REDIS_PASSWORD:?", (string?)redis["environment"]!["REDIS_PASSWORD"], StringComparison.Ordinal);
        Assert.Contains("REDISCLI_AUTH", string.Join(' ', redis["healthcheck"]!["test"]!.AsArray().Select(c => (string?)c)), StringComparison.Ordinal);
        Assert.StartsWith("redis:6379,password=${REDIS_PASSWORD", (string?)Service("bot")["environment"]!["ConnectionStrings__Redis"], StringComparison.Ordinal);
        Assert.Null(redis["ports"]);
    }

    [Fact]
    public async Task TheHostIsProbedForLivenessAndGivenLongerToStopThanItsShutdownTimeout()
    {
        var bot = Service("bot");
        var shutdown = await DeployFiles.HostShutdownTimeoutAsync();

        Assert.Equal(["CMD", "arc-healthcheck", "/healthz/live"], bot["healthcheck"]!["test"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("service_healthy", (string?)bot["depends_on"]!["redis"]!["condition"]);
        var grace = (string)bot["stop_grace_period"]!;
        Assert.EndsWith("s", grace, StringComparison.Ordinal);
        Assert.True(TimeSpan.FromSeconds(int.Parse(grace[..^1], System.Globalization.CultureInfo.InvariantCulture)) > shutdown, $"stop_grace_period {grace} must exceed the host's shutdown timeout {shutdown}");
    }

    [Fact]
    public void TheHostIsPublishedOnLoopbackOnlyAndTheTlsProfileProxiesTheWebhooks()
    {
        Assert.Equal(["127.0.0.1:8080:8080"], Service("bot")["ports"]!.AsArray().Select(p => (string?)p));
        Assert.Null(Service("bot")["profiles"]);

        var proxy = Service("proxy");
        Assert.Equal(["tls"], proxy["profiles"]!.AsArray().Select(p => (string?)p));
        Assert.Contains("443:443", proxy["ports"]!.AsArray().Select(p => (string?)p));
        var mount = proxy["volumes"]!.AsArray().Select(v => (string)v!).Single(v => v.EndsWith(":/etc/caddy/Caddyfile:ro", StringComparison.Ordinal));
        var caddyfile = DeployFiles.Read(mount.Split(':')[0].TrimStart('.', '/'));
        Assert.Contains("handle /webhooks/* {\n\t\treverse_proxy bot:8080", caddyfile, StringComparison.Ordinal);
        // Only the public paths: the health endpoints and anything else answer 404 outside.
        Assert.Contains("handle {\n\t\trespond 404", caddyfile, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryHostSettingItPassesIsAContractKeyAndNoSecretIsWrittenIn()
    {
        var environment = Service("bot")["environment"]!.AsObject();

        Assert.All(environment, e => Assert.True(DeployFiles.IsContractKey(e.Key), $"{e.Key} is not in docs/contract.md"));
        foreach (var secret in new[] { "Telegram__BotToken", "Telegram__WebhookSecret", "Line__ChannelSecret", "Line__ChannelAccessToken", "Advisors__ApiKey" })
        {
            Assert.Matches(@"^\$\{[A-Z_]+:-\}$", (string?)environment[secret]);
        }
    }
}
