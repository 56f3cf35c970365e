// Entry point: each benchmark registers itself by name in BenchmarkCatalog.
return args.FirstOrDefault() switch
{
    "broadcast" => await Bot.Bench.Broadcasts.BroadcastBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/Bot.Bench -- <benchmark>");
    Console.WriteLine("  broadcast [--telegram N] [--line M] [--rate R] [--hosts H]   (see docs/benchmarks-broadcasts.md)");
    return 2;
}
