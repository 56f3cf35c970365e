using System.IO.Compression;
using System.Text;
using Bot.Dialogs.Uploads;
using ImageMagick;

namespace Bot.Tests.Uploads;

/// <summary>
/// PDFs built to attack the converter: reading a file through an external stream, weakening Ghostscript from the
/// host's environment, a page metres wide, a drawing that needs gigabytes. Each goes through the real pipeline
/// (DocumentPreparer → Ghostscript) and must get nothing, or be cut down to size, quickly.
/// </summary>
[Collection(GhostscriptEnvironment.Name)]
public sealed class GhostscriptSandboxTests : IDisposable
{
    /// <summary>PDF content that paints the whole page black: if Ghostscript reads the file, the page shows it.</summary>
    private static readonly byte[] BlackPage = "0 0 0 rg 0 0 20000 20000 re f\n"u8.ToArray();

    private readonly DocumentPreparer preparer = new();
    private readonly DirectoryInfo secrets;

    public GhostscriptSandboxTests()
    {
        // Under the shared temporary folder, where other students' documents are converted at the same moment.
        secrets = Directory.CreateTempSubdirectory("arc-test-secret-");
    }

    public void Dispose() => secrets.Delete(recursive: true);

    [Fact]
    public void APdfThatReadsAnotherFileInTheTemporaryFolderGetsNothing()
    {
        var secret = Path.Combine(secrets.FullName, "other-students-page.txt");
        File.WriteAllBytes(secret, BlackPage);

        Assert.True(Luma(RenderedPage(ExternalStreamPdf(secret))) > 250, "the page shows the file's content");
    }

    [Fact]
    public void GhostscriptOptionsInTheHostsEnvironmentCannotSwitchSaferOff()
    {
        // Outside the temporary folder: SAFER alone refuses it, unless the environment turns SAFER off.
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "secret-" + Guid.NewGuid().ToString("N")));
        var secret = Path.Combine(folder.FullName, "token.txt");
        File.WriteAllBytes(secret, BlackPage);
        try
        {
            GhostscriptEnvironment.With("GS_OPTIONS", "-dNOSAFER", () =>
                Assert.True(Luma(RenderedPage(ExternalStreamPdf(secret))) > 250, "the page shows the file's content"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void APageMetresWideIsRenderedAsAnA4PageInSeconds()
    {
        // 200 × 200 inches: 30,000 × 30,000 pixels at 150 dpi if rendered at its size.
        var content = "0 0 0 rg 1000 1000 12400 12400 re f"u8.ToArray();
        var pdf = TestPdf.Write(
        [
            TestPdf.Object("<</Type/Catalog/Pages 2 0 R>>"),
            TestPdf.Object("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
            TestPdf.Object("<</Type/Page/Parent 2 0 R/MediaBox[0 0 14400 14400]/Contents 4 0 R>>"),
            TestPdf.Stream(string.Empty, content),
            TestPdf.Padding(600_000),
        ]);

        var started = System.Diagnostics.Stopwatch.StartNew();
        using var page = new MagickImage(RenderedPage(pdf));
        Assert.Equal((1240u, 1754u), (page.Width, page.Height));
        Assert.True(Luma(page.ToByteArray(MagickFormat.Png)) < 200, "the square is drawn, scaled down");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(UploadLimits.PdfMaxSeconds), started.Elapsed.ToString());
    }

    [Fact]
    public void ADrawingThatNeedsAGigabyteOfMemoryIsNotDrawn()
    {
        // A shading sampled at 6000 × 6000 points: 100 KB compressed, about a gigabyte inside Ghostscript.
        const int n = 6000;
        using var samples = new MemoryStream();
        using (var zlib = new ZLibStream(samples, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[n * 3];
            for (var i = 0; i < n; i++)
            {
                zlib.Write(row);
            }
        }

        var pdf = TestPdf.Write(
        [
            TestPdf.Object("<</Type/Catalog/Pages 2 0 R>>"),
            TestPdf.Object("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
            TestPdf.Object("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Shading<</Sh1 5 0 R>>>>/Contents 4 0 R>>"),
            TestPdf.Stream(string.Empty, "q /Sh1 sh Q"u8.ToArray()),
            TestPdf.Object("<</ShadingType 1/ColorSpace/DeviceRGB/Domain[0 1 0 1]/Matrix[595 0 0 842 0 0]/Function 6 0 R>>"),
            TestPdf.Stream($"/FunctionType 0/Domain[0 1 0 1]/Range[0 1 0 1 0 1]/Size[{n} {n}]/BitsPerSample 8/Filter/FlateDecode", samples.ToArray()),
            TestPdf.Padding(600_000),
        ]);
        Assert.InRange(GhostscriptRunner.MaxMemoryBytes, 1, 900L * 1024 * 1024);

        // Drawn, the page would be black; at the memory limit Ghostscript gives the shading up.
        var result = preparer.Prepare(pdf, "bomb.pdf", "5-other");
        Assert.True(!result.Accepted || Luma(result.Files[0].Bytes) > 250);
    }

    [Fact]
    public void ImageMagickRefusesPdfsItselfAndRunsNoGhostscript()
    {
        ImagingSetup.Initialize();
        var pdf = TestImages.Pdf(1, noisy: false);
        Assert.ThrowsAny<MagickException>(() => new MagickImage(pdf, MagickFormat.Pdf));
        Assert.ThrowsAny<MagickException>(() => new MagickImage(pdf));
    }

    /// <summary>A page whose content stream is an external file (a PDF feature): whatever that file holds is drawn.</summary>
    private static byte[] ExternalStreamPdf(string path) => TestPdf.Write(
    [
        TestPdf.Object("<</Type/Catalog/Pages 2 0 R>>"),
        TestPdf.Object("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
        TestPdf.Object("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>"),
        TestPdf.Stream($"/F({path})", []),
        TestPdf.Padding(600_000),
    ]);

    private byte[] RenderedPage(byte[] pdf)
    {
        Assert.True(pdf.Length > UploadLimits.MaxUploadBytes, "a smaller PDF would be passed through, not rendered");
        var result = preparer.Prepare(pdf, "attack.pdf", "5-other");
        Assert.True(result.Accepted, result.Problem?.ToString());
        return Assert.Single(result.Files).Bytes;
    }

    private static double Luma(byte[] image)
    {
        using var picture = new MagickImage(image);
        picture.Grayscale();
        return picture.Statistics().GetChannel(PixelChannel.Red)!.Mean / Quantum.Max * 255;
    }
}

/// <summary>
/// The tests that change this process's environment (read by every child process it starts) run alone, and put it back.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GhostscriptEnvironment
{
    public const string Name = "process environment";

    public static void With(string variable, string value, Action action)
    {
        var before = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }
}
