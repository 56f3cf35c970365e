using System.Diagnostics;
using Bot.Tests.Dialogs;
using Bot.Tests.Hosting;

namespace Bot.Tests.Deploy;

/// <summary>The Dockerfile's layers and packages, and its health probe run against a real host.</summary>
public sealed class ContainerImageTests
{
    private static readonly string[] Lines = DeployFiles.Read("Dockerfile").Split('\n');

    [Fact]
    public void PackagesAreRestoredInALayerOfTheirOwnBeforeTheSourcesAreCopied()
    {
        var restore = Array.FindIndex(Lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var sources = Array.FindIndex(Lines, l => l.StartsWith("COPY src/ ", StringComparison.Ordinal));
        var publish = Array.FindIndex(Lines, l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));

        Assert.InRange(restore, 0, sources - 1);
        Assert.InRange(publish, sources + 1, Lines.Length);
        Assert.Contains("--no-restore", Lines[publish], StringComparison.Ordinal);
        // Before the restore only what restore reads: project files, props, the SDK pin.
        var copied = Lines[..restore].Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)).SelectMany(l => l.Split(' ')[1..^1]);
        Assert.All(copied, file => Assert.Matches(@"(\.csproj|\.props|\.sln|global\.json|\.editorconfig)$", file));
    }

    [Fact]
    public void TheImageHasTheHostsNativePackagesWithGhostscriptsChineseFont()
    {
        var install = Lines.Single(l => l.Contains("apt-get install", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // Ubuntu 24.04 (the aspnet image) renamed the GTK runtime for the 64-bit time_t transition.
        Assert.All(DeployFiles.NativePackages().Where(p => p != "redis-server"), p => Assert.Contains(p == "libgtk-3-0" ? "libgtk-3-0t64" : p, install));
        Assert.Contains("fonts-droid-fallback", DeployFiles.NativePackages());
    }

    [Fact]
    public void ItProbesLivenessAndRunsAsTheImagesNonRootUser()
    {
        Assert.Contains(Lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.EndsWith("CMD [\"arc-healthcheck\", \"/healthz/live\"]", StringComparison.Ordinal));
        Assert.Contains("COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/arc-healthcheck", Lines);
        Assert.Equal("USER $APP_UID", Lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheHealthProbeSucceedsOnLivenessAndFailsWhenTheHostIsNotReadyOrNotThere()
    {
        // Redis down: alive, not ready.
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200" });
        var port = new Uri(host.BaseUrl).Port;

        Assert.Equal(0, await ProbeAsync(port, "/healthz/live"));
        Assert.Equal(1, await ProbeAsync(port, "/healthz/ready"));
        Assert.NotEqual(0, await ProbeAsync(Infrastructure.FreePort.Pick(), "/healthz/live"));
    }

    private static async Task<int> ProbeAsync(int port, string path)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryFiles.PathOf("deploy/docker/healthcheck.sh"));
        start.ArgumentList.Add(path);
        start.Environment["HEALTHCHECK_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var probe = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await probe.WaitForExitAsync(timeout.Token);
        return probe.ExitCode;
    }
}
