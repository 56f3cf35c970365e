using System.Diagnostics;
using System.Text;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// A real redis-server process on a free loopback port, owned by one test run.
/// Killed (not asked nicely) on dispose, so a stuck test cannot leave it behind.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const int BindAttempts = 5;
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(50);

    private readonly RedisServerOptions _options;
    private readonly bool _ownsDirectory;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private RedisServer(RedisServerOptions options, string directory, bool ownsDirectory)
    {
        _options = options;
        DataDirectory = directory;
        _ownsDirectory = ownsDirectory;
    }

    /// <summary>Path of redis-server on PATH, or null when it is not installed.</summary>
    public static string? ExecutablePath { get; } = FindExecutable();

    public static bool IsInstalled => ExecutablePath is not null;

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public string DataDirectory { get; }

    public int ProcessId => _process?.Id ?? 0;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the server printed so far; redis logs to stdout when no logfile is set.</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public static async Task<RedisServer> StartAsync(RedisServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RedisServerOptions();
        var ownsDirectory = options.DataDirectory is null;
        var directory = options.DataDirectory ?? Directory.CreateTempSubdirectory("redis-test-").FullName;
        var server = new RedisServer(options, directory, ownsDirectory);
        try
        {
            await server.StartProcessAsync(options.Port, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Empties every database so tests sharing the fixture start clean.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var reply = await RedisProtocol.SendAsync(Port, cancellationToken, "FLUSHALL");
        if (reply != "+OK")
        {
            throw new InvalidOperationException($"FLUSHALL answered '{reply}'.");
        }
    }

    /// <summary>
    /// Kills the process (if it still runs) and starts it again on the same port, data directory and options (with
    /// <see cref="RedisServerOptions.AppendOnly"/> it reloads its data from the AOF), as a crash-restart would.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await KillAsync();
        await StartProcessAsync(Port, cancellationToken);
    }

    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless; failing the test run over it is not.
            }
        }
    }

    private async Task StartProcessAsync(int? fixedPort, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = fixedPort ?? FreePort.Pick();
            if (await TryStartOnAsync(port, cancellationToken))
            {
                Port = port;
                return;
            }
            // Only a lost race for a picked port is worth another try; anything else is a real failure.
            var output = Output;
            var lostRace = output.Contains("Address already in use", StringComparison.OrdinalIgnoreCase);
            if (!lostRace || fixedPort is not null || attempt == BindAttempts)
            {
                throw new InvalidOperationException(
                    $"redis-server did not answer PING on 127.0.0.1:{port} within {_options.StartTimeout}. Output:\n{output}");
            }
        }
    }

    private async Task<bool> TryStartOnAsync(int port, CancellationToken cancellationToken)
    {
        lock (_output)
        {
            _output.Clear();
        }
        var process = new Process { StartInfo = CreateStartInfo(port), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (await AnswersPingAsync(port, cancellationToken))
            {
                return true;
            }
            await Task.Delay(PollDelay, cancellationToken);
        }
        await KillAsync();
        return false;
    }

    private ProcessStartInfo CreateStartInfo(int port)
    {
        var info = new ProcessStartInfo(ExecutablePath ?? throw new InvalidOperationException(RedisFixture.NotInstalledMessage))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            "--port", port.ToString(), "--bind", "127.0.0.1", "--daemonize", "no",
            "--save", "", "--appendonly", _options.AppendOnly ? "yes" : "no", "--appendfsync", _options.AppendFsync,
            "--dir", DataDirectory, "--logfile", "",
            .. _options.ExtraArguments,
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }

    private static async Task<bool> AnswersPingAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            return await RedisProtocol.SendAsync(port, cancellationToken, "PING") == "+PONG";
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string? FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .Append("/usr/bin/redis-server");
        return candidates.FirstOrDefault(File.Exists);
    }
}
