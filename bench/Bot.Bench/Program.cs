// Entry point: dispatch on the benchmark name; each one prints figures ready for docs/benchmarks.md.
using Bot.Bench.Engine;
using Bot.Bench.Uploads;
using BenchmarkDotNet.Running;

switch (args.FirstOrDefault())
{
    case "photo":
        UploadBenchmarks.Photo(Runs(args));
        break;
    case "document":
        UploadBenchmarks.Document(Runs(args));
        break;
    case "engine" when args.ElementAtOrDefault(1) == "line":
        await LineBenchmark.RunAsync(args[1..]);
        break;
    case "line":
        await LineBenchmark.RunAsync(args);
        break;
    case "rss":
        await HostRssBenchmark.RunAsync(args);
        break;
    case "engine":
        await EngineBenchmark.RunAsync(args);
        break;
    case "scale":
        await ScaleBenchmark.RunAsync(args);
        break;
    case "broadcast":
        return await Bot.Bench.Broadcasts.BroadcastBenchmark.RunAsync(args[1..]);
    case "roster":
        return await Bot.Bench.Roster.RosterBenchmark.RunAsync(args[1..]);
    case "dialog-step":
        BenchmarkRunner.Run<DialogStepBenchmarks>(args: [.. args.Skip(1)]);
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/Bot.Bench -- <photo|document> [runs] | engine [all|echo|drain|text [n]|cold [n]|open|size|limit|window [students]|line] | line [senders] | rss [server|workstation] | dialog-step | broadcast [--telegram N] [--line M] [--rate R] [--hosts H] | roster [--students N] [--requests R] [--cluster] | scale [users] [steps]");
        return 2;
}

return 0;

static int Runs(string[] args) => args.Length > 1 && int.TryParse(args[1], out var n) ? n : 30;
