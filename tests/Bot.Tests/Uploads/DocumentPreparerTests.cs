using Bot.Dialogs.Uploads;
using ImageMagick;
using Xunit;

namespace Bot.Tests.Uploads;

public sealed class DocumentPreparerTests
{
    private readonly DocumentPreparer preparer = new();

    [Fact]
    public void ShrinksAThreeMegabyteScanToOneLegibleJpegUnder512Kb()
    {
        using var scan = TestImages.NoisyScan();
        var png = scan.ToByteArray(MagickFormat.Png);
        Assert.InRange(png.Length, 2_000_000, 6_000_000);

        var result = preparer.Prepare(png, "scan.png", "4-enrolment");

        Assert.True(result.Accepted);
        var file = Assert.Single(result.Files);
        Assert.Equal("4-enrolment.jpg", file.FileName);
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.InRange(file.Bytes.Length, 1, UploadLimits.MaxUploadBytes);
        using var jpeg = new MagickImage(file.Bytes);
        Assert.True(Math.Max(jpeg.Width, jpeg.Height) >= UploadLimits.DocumentMinLongSide);
        Assert.Equal(UploadMessageKeys.DocConverted, result.SummaryKey);
    }

    [Fact]
    public void PassesASmallPdfThroughUnchanged()
    {
        var pdf = TestImages.Pdf(2, noisy: false);
        var result = preparer.Prepare(pdf, "passport.pdf", "2-passport");

        var file = Assert.Single(result.Files);
        Assert.Equal("2-passport.pdf", file.FileName);
        Assert.Equal(pdf, file.Bytes);
        Assert.Equal(UploadMessageKeys.DocUnchanged, result.SummaryKey);
    }

    [Fact]
    public void PassesASmallPngThroughUnchanged()
    {
        var png = TestImages.Read("scanned-page.png");
        var result = preparer.Prepare(png, "page.png", "5-other");

        var file = Assert.Single(result.Files);
        Assert.Equal("5-other.png", file.FileName);
        Assert.Equal(png, file.Bytes);
    }

    [Fact]
    public void TurnsALargeMultiPagePdfIntoOneJpegPerPage()
    {
        var pdf = TestImages.Pdf(3, noisy: true);
        Assert.True(pdf.Length > UploadLimits.MaxUploadBytes);

        var result = preparer.Prepare(pdf, "enrolment.pdf", "4-enrolment");

        Assert.True(result.Accepted, result.Problem?.ToString());
        Assert.Equal(["4-enrolment-p1.jpg", "4-enrolment-p2.jpg", "4-enrolment-p3.jpg"], result.Files.Select(f => f.FileName));
        Assert.All(result.Files, f => Assert.InRange(f.Bytes.Length, 1, UploadLimits.MaxUploadBytes));
        using var page = new MagickImage(result.Files[0].Bytes);
        Assert.True(Math.Max(page.Width, page.Height) >= UploadLimits.DocumentMinLongSide);
        Assert.Equal(UploadMessageKeys.DocPages, result.SummaryKey);
        Assert.Equal(["3"], result.SummaryArgs);
    }

    [Fact]
    public void ConvertsWebPToJpeg()
    {
        using var scan = new MagickImage(TestImages.Read("scanned-page.png"));
        var result = preparer.Prepare(scan.ToByteArray(MagickFormat.WebP), "page.webp", "1-arc");

        var file = Assert.Single(result.Files);
        Assert.Equal("1-arc.jpg", file.FileName);
        Assert.Equal(FileFormat.Jpeg, FormatSniffer.Detect(file.Bytes));
    }

    [Fact]
    public void TurnsASidewaysPhoneScanUpright()
    {
        using var scan = new MagickImage(TestImages.Read("scanned-page.png"));
        scan.Rotate(-90);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        scan.SetProfile(exif);
        scan.Orientation = Orientation.RightTop;
        var result = preparer.Prepare(TestImages.Jpeg(scan), "IMG.JPG", "2-passport");

        using var upright = new MagickImage(Assert.Single(result.Files).Bytes);
        Assert.True(upright.Width > upright.Height);
    }

    [Fact]
    public void RejectsAThirtyPagePdf()
    {
        Assert.Equal(DocumentProblem.TooManyPages, preparer.Prepare(TestImages.Pdf(30, noisy: false), "x.pdf", "5-other").Problem);
    }

    [Fact]
    public void RejectsALargePdfWithMoreThanTenPages()
    {
        var pdf = TestImages.Pdf(UploadLimits.MaxPdfPages + 2, noisy: true);
        Assert.Equal(DocumentProblem.TooManyPages, preparer.Prepare(pdf, "x.pdf", "5-other").Problem);
    }

    public static TheoryData<string, DocumentProblem> BadFiles() => new()
    {
        { "empty", DocumentProblem.Empty },
        { "truncated", DocumentProblem.Unreadable },
        { "bomb", DocumentProblem.TooLarge },
        { "docx", DocumentProblem.UnsupportedFormat },
        { "svg", DocumentProblem.UnsupportedFormat },
        { "garbage-after-jpeg-magic", DocumentProblem.Unreadable },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void GivesAProblemNotAnExceptionForABadFile(string kind, DocumentProblem expected)
    {
        var result = preparer.Prepare(IdPhotoMakerTests.BadFile(kind), "doc.jpg", "2-passport");

        Assert.False(result.Accepted);
        Assert.Empty(result.Files);
        Assert.Equal(expected, result.Problem);
    }

    [Fact]
    public void GivesUnreadableForABrokenLargePdf()
    {
        byte[] broken = [.. "%PDF-1.7\n"u8, .. Enumerable.Repeat((byte)'x', 600_000)];
        var result = preparer.Prepare(broken, "x.pdf", "5-other");

        Assert.False(result.Accepted);
        Assert.NotNull(result.Problem);
    }

    [Fact]
    public void APdfThatWouldTakeMinutesToRenderIsStoppedAtTheTimeLimit()
    {
        // One such file must not hold an upload slot (and every student's uploads queued behind it) for minutes.
        var quick = new DocumentPreparer(pdfTimeLimit: TimeSpan.FromSeconds(1));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = quick.Prepare(TestImages.SlowPdf(), "scan.pdf", "4-enrolment");

        Assert.False(result.Accepted);
        Assert.Equal(DocumentProblem.CannotShrink, result.Problem);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void RefusesAStemThatIsNotASafeFileName()
    {
        Assert.Throws<ArgumentException>(() => preparer.Prepare([1], null, "../etc"));
    }
}
