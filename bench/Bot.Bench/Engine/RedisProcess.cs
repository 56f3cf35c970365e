using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bot.Bench.Engine;

/// <summary>A throw-away redis-server on a free loopback port, without persistence; killed on dispose.</summary>
public sealed class RedisProcess : IDisposable
{
    private readonly Process process;

    private RedisProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},allowAdmin=true";

    public static async Task<RedisProcess> StartAsync()
    {
        var port = FreePort();
        var info = new ProcessStartInfo("/usr/bin/redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --protected-mode no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        _ = process.StandardOutput.ReadToEndAsync();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new RedisProcess(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"redis-server did not listen on {port}.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
