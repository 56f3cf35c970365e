// Entry point: each benchmark registers itself by name in BenchmarkCatalog.
Console.WriteLine("usage: dotnet run -c Release --project bench/Bot.Bench -- <benchmark>");
