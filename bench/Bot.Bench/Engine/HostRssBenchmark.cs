using System.Diagnostics;
using StackExchange.Redis;

namespace Bot.Bench.Engine;

/// <summary>
/// Host memory on its own: the Release host (src/Bot.Host/bin/Release/net10.0/Bot.Host.dll) runs as a child process against
/// a fresh redis-server and the fake Bot API in this process; 10,000 students go through a few turns each, then the child's
/// peak RSS (VmHWM) is read. Once with Server GC (the Web SDK default) and once with Workstation GC (DOTNET_gcServer=0).
/// </summary>
public static class HostRssBenchmark
{
    private const int Students = 10_000;

    public static async Task RunAsync(string[] args)
    {
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Bot.Host/bin/Release/net10.0/Bot.Host.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the host first: dotnet build -c Release src/Bot.Host", dll);
        }

        var modes = args.Length > 1 ? args[1..] : ["server", "workstation"];
        Console.WriteLine($"machine: nproc={Environment.ProcessorCount}; host: {dll}");
        Console.WriteLine();
        Console.WriteLine("| Host GC | Students | Updates | Drain (updates/s) | p50 | p95 | p99 | max (ms) | Peak RSS (VmHWM) | RSS at end | Students known |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var mode in modes)
        {
            await RunOnceAsync(dll, mode);
        }
    }

    private static async Task RunOnceAsync(string dll, string mode)
    {
        using var redis = await RedisProcess.StartAsync();
        await using var fake = new FakeBotApi();
        await fake.StartAsync();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ConnectionStrings__Redis"] = $"127.0.0.1:{redis.Port}";
        info.Environment[BenchKey.Setting.Replace(":", "__", StringComparison.Ordinal)] = BenchKey.Value;
        info.Environment["Telegram__BotToken"] = "123:abc";
        info.Environment["Telegram__ApiBaseUrl"] = fake.BaseUrl;
        info.Environment["Telegram__MessagesPerSecond"] = "0";
        info.Environment["Limits__TurnBurst"] = "10000";
        info.Environment["Limits__TurnsPerMinute"] = "10000";
        info.Environment["LocalChat__Enabled"] = "false";
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["DOTNET_gcServer"] = mode == "workstation" ? "0" : "1";
        using var host = Process.Start(info) ?? throw new InvalidOperationException("The host did not start.");
        _ = host.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = host.StandardError.BaseStream.CopyToAsync(Stream.Null);
        try
        {
            using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            var run = new Runner(fake, admin, admin);
            var steps = new[] { Step.Say("hello"), Step.Press("lang:en"), Step.Press("v:ext"), Step.Press("nav:skip"), Step.Press("v:two"), Step.Say("nguyen") };

            // Warm-up (and wait for the host to poll): 200 other students.
            await run.DrainAsync("warm-up", 1_000_000, 200, null, steps, print: false);
            var (drain, latency) = await run.DrainAsync("10,000 students", 0, Students, null, steps, print: false);
            await Task.Delay(2000);
            var known = await admin.GetDatabase().SortedSetLengthAsync("students");
            var (peak, now) = Rss(host.Id);
            Console.WriteLine($"| {mode} (DOTNET_gcServer={(mode == "workstation" ? 0 : 1)}) | {Students:N0} (+200 warm-up) | {Students * steps.Length:N0} | {drain:N0} | {latency} | {peak} MB | {now} MB | {known:N0} |");
        }
        finally
        {
            host.Kill();
            await host.WaitForExitAsync();
        }
    }

    private static (long PeakMb, long NowMb) Rss(int pid)
    {
        long peak = -1, now = -1;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            var kb = () => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = kb();
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                now = kb();
            }
        }

        return (peak, now);
    }
}
