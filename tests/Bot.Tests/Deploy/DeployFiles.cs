using System.Text.RegularExpressions;
using Bot.Host;
using Bot.Tests.Dialogs;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Deploy;

/// <summary>What the deployment files are checked against: the repository's own files, the contract's keys, the host's shutdown timeout.</summary>
internal static partial class DeployFiles
{
    public static string Read(string relative) => File.ReadAllText(RepositoryFiles.PathOf(relative));

    public static bool Exists(string relative) => File.Exists(RepositoryFiles.PathOf(relative));

    /// <summary>The host's own shutdown timeout (HostOptions), read from the real host as BotApp builds it.</summary>
    public static async Task<TimeSpan> HostShutdownTimeoutAsync()
    {
        await using var app = BotApp.Create([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,abortConnect=false",
            ["LocalChat:Enabled"] = "false",
        }));
        return app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
    }

    /// <summary>The packages of NATIVE_PACKAGES in scripts/native-packages.sh.</summary>
    public static IReadOnlyList<string> NativePackages() =>
        NativePackagesLine().Match(Read("scripts/native-packages.sh")).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether an environment variable is a host setting documented in docs/contract.md (exactly, or under a <c>Section__*</c> row).</summary>
    public static bool IsContractKey(string key)
    {
        var documented = ContractKeys.Value;
        return documented.Contains(key)
            || documented.Any(d => d.EndsWith("__*", StringComparison.Ordinal) && key.StartsWith(d[..^1], StringComparison.Ordinal));
    }

    /// <summary>Runtime switches of .NET and ASP.NET Core themselves, not host settings.</summary>
    public static bool IsRuntimeVariable(string key) => key.StartsWith("DOTNET_", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal);

    private static readonly Lazy<HashSet<string>> ContractKeys = new(() =>
        [.. ContractKey().Matches(Read("docs/contract.md")).Select(m => m.Groups[1].Value)]);

    [GeneratedRegex(@"`([A-Z][A-Za-z]*__[A-Za-z0-9_*]+|ASPNETCORE_URLS)`")]
    private static partial Regex ContractKey();

    [GeneratedRegex(@"^NATIVE_PACKAGES=\(([^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex NativePackagesLine();
}
