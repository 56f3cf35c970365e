using System.Diagnostics;
using Bot.Tests.Dialogs;

namespace Bot.Tests.Deploy;

/// <summary>
/// kubectl, found on PATH or in the repository's .local/bin (where scripts/test.sh puts the pinned binary when Debian
/// has no package), rendering a kustomization offline.
/// </summary>
internal static class Kubectl
{
    public const string NotInstalledMessage =
        "kubectl was not found on PATH or in .local/bin: ./scripts/test.sh installs it (scripts/kubectl.sh).";

    public static string? ExecutablePath { get; } = Find();

    public static async Task<string> KustomizeAsync(string directory)
    {
        var start = new ProcessStartInfo(ExecutablePath ?? throw new InvalidOperationException(NotInstalledMessage))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {directory} failed: {await errors}");
        return await output;
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "kubectl"))
            .Append(RepositoryFiles.PathOf(".local/bin/kubectl"))
            .FirstOrDefault(File.Exists);
    }
}
