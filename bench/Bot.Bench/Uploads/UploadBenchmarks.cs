using System.Diagnostics;
using Bot.Dialogs.Uploads;
using ImageMagick;

namespace Bot.Bench.Uploads;

/// <summary>
/// Wall-clock timing of the two upload pipelines on one core, with a plain Stopwatch loop:
/// we want per-file median/p95 and the process's peak memory, which is what a chat user and the VM feel.
/// </summary>
public static class UploadBenchmarks
{
    public static void Photo(int runs)
    {
        PinToOneCore();
        var jpeg = TwelveMegapixelPhoto();
        var maker = new IdPhotoMaker(new HaarFaceFinder());
        var first = maker.Make(jpeg, "IMG_0001.JPG");
        Console.WriteLine($"input: 4000x3000 JPEG, {jpeg.Length / 1024} KB; result accepted={first.Accepted} {first.Width}x{first.Height} {first.Jpeg?.Length / 1024} KB q{first.Quality} problems=[{string.Join(",", first.Problems)}]");
        Report("photo (12 MP JPEG -> ID photo)", runs, () => maker.Make(jpeg, "IMG_0001.JPG"));
    }

    public static void Document(int runs)
    {
        PinToOneCore();
        var png = ThreeMegabyteScan();
        var preparer = new DocumentPreparer();
        var first = preparer.Prepare(png, "scan.png", "4-enrolment");
        var file = first.Files.Single();
        Console.WriteLine($"input: scan PNG, {png.Length / 1024} KB; result {file.FileName} {file.Bytes.Length / 1024} KB");
        Report("document (~3 MB scan PNG -> JPEG <= 512 KB)", runs, () => preparer.Prepare(png, "scan.png", "4-enrolment"));
    }

    private static void Report(string name, int runs, Action run)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{name}: runs={runs} median={times[times.Count / 2]:F0} ms p95={p95:F0} ms min={times[0]:F0} ms max={times[^1]:F0} ms");
        Console.WriteLine($"peak working set={process.PeakWorkingSet64 / (1024 * 1024)} MB, managed heap now={GC.GetTotalMemory(false) / (1024 * 1024)} MB, GC heap peak (last GC)={GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024)} MB, gen2 GCs={GC.CollectionCount(2)}");
    }

    /// <summary>One core, one Magick thread: the figure the brief's "< 0.5 s on one core" asks for.</summary>
    private static void PinToOneCore()
    {
        ImagingSetup.Initialize();
        ResourceLimits.Thread = 1;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            using var process = Process.GetCurrentProcess();
            process.ProcessorAffinity = 1;
        }
    }

    /// <summary>A phone-like 4000 × 3000 JPEG: the test portrait enlarged on a noisy light wall.</summary>
    private static byte[] TwelveMegapixelPhoto()
    {
        using var wall = new MagickImage(new MagickColor(236, 236, 232), 4000, 3000);
        wall.AddNoise(NoiseType.Gaussian, 0.3);
        using var portrait = new MagickImage(Path.Combine(AppContext.BaseDirectory, "TestData", "portrait-astronaut.png"));
        portrait.Resize(new Percentage(500));
        wall.Composite(portrait, 720, 440, CompositeOperator.Over);
        wall.Quality = 92;
        return wall.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>scanned-page.png enlarged 8× with scanner noise: a ~3 MB PNG, 3072 px wide.</summary>
    private static byte[] ThreeMegabyteScan()
    {
        using var scan = new MagickImage(Path.Combine(AppContext.BaseDirectory, "TestData", "scanned-page.png"));
        scan.Resize(new Percentage(800));
        scan.AddNoise(NoiseType.Gaussian, 0.6);
        return scan.ToByteArray(MagickFormat.Png);
    }
}
