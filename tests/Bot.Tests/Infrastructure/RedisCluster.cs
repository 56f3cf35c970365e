using System.Diagnostics;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// A real Redis Cluster of three masters (no replicas): three redis-server processes in cluster mode on free loopback
/// ports, joined by <c>redis-cli --cluster create</c>, ready once every node says <c>cluster_state:ok</c>. Killed and its
/// files deleted on dispose. Keys of different hash slots live on different nodes, so a multi-key command or script that
/// spans slots fails here with CROSSSLOT, as on a managed cluster.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    public const int Masters = 3;

    private const int BindAttempts = 5;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(50);

    private readonly List<RedisServer> nodes = [];
    private readonly string directory;

    private RedisCluster(string directory) => this.directory = directory;

    /// <summary>Path of redis-cli on PATH, or null when it is not installed (Debian: redis-tools, a dependency of redis-server).</summary>
    public static string? CliPath { get; } = FindExecutable("redis-cli");

    public IReadOnlyList<RedisServer> Nodes => nodes;

    /// <summary>Every node, as StackExchange.Redis takes it (any one would do: the client discovers the others).</summary>
    public string ConnectionString => string.Join(',', nodes.Select(n => n.ConnectionString));

    public static async Task<RedisCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var cluster = new RedisCluster(Directory.CreateTempSubdirectory("redis-cluster-").FullName);
        try
        {
            for (var i = 0; i < Masters; i++)
            {
                cluster.nodes.Add(await StartNodeAsync(Path.Combine(cluster.directory, $"node{i}"), cancellationToken));
            }

            await cluster.CreateAsync(cancellationToken);
            await cluster.WaitUntilReadyAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Empties every master, so tests sharing the cluster start clean.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var node in nodes)
        {
            await node.FlushAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test run over it is not.
        }
    }

    /// <summary>
    /// One node on a free port, with its cluster bus on another free port (Redis' default, port + 10000, may be above 65535
    /// for an ephemeral port). Both are picked again if another process took one first.
    /// </summary>
    private static async Task<RedisServer> StartNodeAsync(string nodeDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(nodeDirectory);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RedisServer.StartAsync(
                    new RedisServerOptions
                    {
                        Port = FreePort.Pick(),
                        DataDirectory = nodeDirectory,
                        ExtraArguments =
                        [
                            "--cluster-enabled", "yes",
                            "--cluster-config-file", Path.Combine(nodeDirectory, "nodes.conf"),
                            "--cluster-port", FreePort.Pick().ToString(System.Globalization.CultureInfo.InvariantCulture),
                            "--cluster-node-timeout", "5000",
                        ],
                    },
                    cancellationToken);
            }
            catch (InvalidOperationException e) when (attempt < BindAttempts && e.Message.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
            {
                File.Delete(Path.Combine(nodeDirectory, "nodes.conf"));
            }
        }
    }

    /// <summary>Assigns the 16384 slots evenly to the three masters and joins them.</summary>
    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(CliPath ?? throw new InvalidOperationException(
            "redis-cli was not found on PATH or in /usr/bin. The Redis Cluster tests need it: `sudo apt-get install redis-tools`."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = ["--cluster", "create", .. nodes.Select(n => n.ConnectionString), "--cluster-replicas", "0", "--cluster-yes"];
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli --cluster create exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    /// <summary>Every node must know every slot and every other node before a client connects.</summary>
    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        var last = string.Empty;
        while (true)
        {
            var infos = await Task.WhenAll(nodes.Select(n => RedisProtocol.SendForTextAsync(n.Port, cancellationToken, "CLUSTER", "INFO")));
            if (infos.All(i => i.Contains("cluster_state:ok", StringComparison.Ordinal) && i.Contains($"cluster_known_nodes:{Masters}", StringComparison.Ordinal)))
            {
                return;
            }

            last = string.Join("\n---\n", infos);
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The Redis Cluster was not ready within {ReadyTimeout}. CLUSTER INFO:\n{last}");
            }

            await Task.Delay(PollDelay, cancellationToken);
        }
    }

    private static string? FindExecutable(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .Append("/usr/bin/" + name)
            .FirstOrDefault(File.Exists);
    }
}
