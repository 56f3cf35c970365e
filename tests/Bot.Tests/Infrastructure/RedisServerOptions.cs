namespace Bot.Tests.Infrastructure;

/// <summary>How a test wants its <see cref="RedisServer"/> started.</summary>
public sealed record RedisServerOptions
{
    /// <summary>Off by default: tests are faster without disk writes. Turn on for restart tests.</summary>
    public bool AppendOnly { get; init; }

    /// <summary>With <see cref="AppendOnly"/>: "always" makes every acknowledged write survive a kill -9 (Redis' default is everysec).</summary>
    public string AppendFsync { get; init; } = "everysec";

    /// <summary>More redis-server arguments, e.g. ["--maxmemory-policy", "allkeys-lru"].</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Null means a fresh temporary directory that is deleted on dispose.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Null means a free port is picked (and picked again if the bind fails).</summary>
    public int? Port { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
