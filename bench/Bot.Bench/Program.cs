// Entry point: dispatch on the benchmark name; each one prints figures ready for docs/benchmarks.md.
using Bot.Bench.Uploads;

switch (args.FirstOrDefault())
{
    case "photo":
        UploadBenchmarks.Photo(Runs(args));
        break;
    case "document":
        UploadBenchmarks.Document(Runs(args));
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/Bot.Bench -- <photo|document> [runs]");
        break;
}

static int Runs(string[] args) => args.Length > 1 && int.TryParse(args[1], out var n) ? n : 30;
