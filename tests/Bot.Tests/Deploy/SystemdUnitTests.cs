namespace Bot.Tests.Deploy;

/// <summary>deploy/systemd: the unit a plain VM runs, and its example settings file.</summary>
public sealed class SystemdUnitTests
{
    private static readonly Dictionary<string, string> Unit = Settings(DeployFiles.Read("deploy/systemd/arc-helper.service"));

    [Fact]
    public async Task RunsThePublishedHostAsAServiceUserRestartsItAndOutlastsItsShutdownTimeout()
    {
        var shutdown = await DeployFiles.HostShutdownTimeoutAsync();

        Assert.Equal("/usr/bin/dotnet /opt/arc-helper/Bot.Host.dll", Unit["ExecStart"]);
        Assert.Equal("arc-helper", Unit["User"]);
        Assert.Equal("always", Unit["Restart"]);
        Assert.Equal("/etc/arc-helper/arc-helper.env", Unit["EnvironmentFile"]);
        Assert.True(TimeSpan.FromSeconds(int.Parse(Unit["TimeoutStopSec"], System.Globalization.CultureInfo.InvariantCulture)) > shutdown);
        Assert.Contains("ASPNETCORE_URLS=http://127.0.0.1:8080", Unit["Environment"], StringComparison.Ordinal);
        Assert.Equal("strict", Unit["ProtectSystem"]);
        Assert.Equal("true", Unit["NoNewPrivileges"]);
    }

    [Fact]
    public void TheExampleSettingsAreContractKeysWithoutSecrets()
    {
        var example = Settings(DeployFiles.Read("deploy/systemd/arc-helper.env.example"));

        Assert.All(example.Keys, key => Assert.True(DeployFiles.IsContractKey(key), $"{key} is not in docs/contract.md"));
        Assert.All(example, e => Assert.True(e.Value.Length == 0 || e.Value.Contains("CHANGE-ME", StringComparison.Ordinal) || e.Value.Contains("example", StringComparison.Ordinal) || e.Value == "Webhook", $"{e.Key} has a value"));
    }

    /// <summary>key=value lines (the last one wins, as in systemd), comments and section headers skipped.</summary>
    private static Dictionary<string, string> Settings(string text) =>
        text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] is not '#' and not '[' && l.Contains('=', StringComparison.Ordinal))
            .Select(l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)], Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .GroupBy(s => s.Key)
            .ToDictionary(g => g.Key, g => g.Last().Value);
}
