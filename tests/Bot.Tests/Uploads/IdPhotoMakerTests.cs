using Bot.Dialogs.Uploads;
using ImageMagick;
using Xunit;

namespace Bot.Tests.Uploads;

public sealed class IdPhotoMakerTests
{
    private static readonly HaarFaceFinder Finder = new();
    private readonly IdPhotoMaker maker = new(Finder);

    [Fact]
    public void FindsTheFaceDetectorOnThisMachine() => Assert.True(Finder.IsAvailable);

    [Fact]
    public void CentresTheHeadAndSizesItWithinTheNiaBandOnTheOriginalPortrait()
    {
        using var astronaut = TestImages.Astronaut();
        var result = maker.Make(astronaut.ToByteArray(MagickFormat.Png), "me.png");

        AssertGeometry(result, crownY: TestImages.AstronautCrownY, chinY: TestImages.AstronautChinY, centerX: TestImages.AstronautFaceCenterX);
        AssertOutputSpec(result);
    }

    [Fact]
    public void CentresAFacePlacedOffCentreInALargeWhiteCanvas()
    {
        const int x = 1500, y = 900;
        const double scale = 3;
        using var canvas = TestImages.OnCanvas(MagickColors.White, 3200, 2800, x, y, scale);
        var result = maker.Make(TestImages.Jpeg(canvas), "IMG_0001.JPG");

        AssertGeometry(result, y + (scale * TestImages.AstronautCrownY), y + (scale * TestImages.AstronautChinY), x + (scale * TestImages.AstronautFaceCenterX));
        AssertOutputSpec(result);
        Assert.DoesNotContain(PhotoProblem.FaceTooSmall, result.Problems);
    }

    [Fact]
    public void AppliesTheExifOrientationBeforeLookingForTheFace()
    {
        using var astronaut = TestImages.Astronaut();
        astronaut.Resize(new Percentage(200));
        // Stored sideways, tagged "rotate 90° clockwise to view" as a phone held upright writes it.
        astronaut.Rotate(-90);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        astronaut.SetProfile(exif);
        astronaut.Orientation = Orientation.RightTop;
        var result = maker.Make(TestImages.Jpeg(astronaut), "IMG_0002.JPG");

        AssertGeometry(result, 2 * TestImages.AstronautCrownY, 2 * TestImages.AstronautChinY, 2 * TestImages.AstronautFaceCenterX);
        AssertOutputSpec(result);
    }

    [Fact]
    public void CropsAnIPhoneHeicPhotoLikeAnyOther()
    {
        // HEIC is what an iPhone sends when the photo goes as a file (TestData/tools/make-heic.py made it).
        var heic = TestImages.Read("portrait-astronaut-2x.heic");
        Assert.Equal(FileFormat.Heif, FormatSniffer.Detect(heic));

        var result = maker.Make(heic, "IMG_0001.HEIC");

        AssertGeometry(result, 2 * TestImages.AstronautCrownY, 2 * TestImages.AstronautChinY, 2 * TestImages.AstronautFaceCenterX);
        AssertOutputSpec(result);
    }

    [Fact]
    public void StripsExifAndSetsThreeHundredDpi()
    {
        using var astronaut = TestImages.Astronaut();
        astronaut.Resize(new Percentage(200));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "PhoneMaker");
        astronaut.SetProfile(exif);
        var result = maker.Make(TestImages.Jpeg(astronaut), "IMG.JPG");

        using var photo = new MagickImage(result.Jpeg!);
        Assert.Null(photo.GetExifProfile());
        Assert.Equal(300, photo.Density.X, 0.5);
        Assert.Equal(DensityUnit.PixelsPerInch, photo.Density.Units);
    }

    [Fact]
    public void ReportsNoBackgroundProblemOnAWhiteWall()
    {
        using var image = TestImages.AstronautOnWhiteWall();
        var result = maker.Make(image.ToByteArray(MagickFormat.Png), "wall.png");

        Assert.True(result.Accepted);
        Assert.DoesNotContain(PhotoProblem.BackgroundNotWhite, result.Problems);
        Assert.DoesNotContain(PhotoProblem.BackgroundUneven, result.Problems);
        Assert.DoesNotContain(PhotoProblem.TooDark, result.Problems);
        Assert.DoesNotContain(PhotoProblem.NotInColour, result.Problems);
    }

    [Fact]
    public void ReportsABlackAndWhitePhotoButStillMakesIt()
    {
        using var image = TestImages.AstronautOnWhiteWall();
        image.Grayscale();
        var result = maker.Make(TestImages.Jpeg(image), "bw.jpg");

        Assert.True(result.Accepted);
        Assert.Contains(PhotoProblem.NotInColour, result.Problems);
    }

    [Fact]
    public void ReportsAGreyBackground()
    {
        using var canvas = TestImages.OnCanvas(new MagickColor(128, 128, 128), 1400, 1400, 200, 300, 2);
        var result = maker.Make(TestImages.Jpeg(canvas), "grey.jpg");

        Assert.True(result.Accepted);
        Assert.Contains(PhotoProblem.BackgroundNotWhite, result.Problems);
    }

    [Fact]
    public void ReportsATooDarkFace()
    {
        using var dark = TestImages.Astronaut();
        dark.Evaluate(Channels.RGB, EvaluateOperator.Multiply, 0.25);
        var result = maker.Make(dark.ToByteArray(MagickFormat.Png), "dark.png");

        Assert.Contains(PhotoProblem.TooDark, result.Problems);
    }

    [Fact]
    public void ReportsFaceTooSmallForATinyPhoto()
    {
        using var tiny = TestImages.Astronaut();
        tiny.Resize(160, 160);
        var result = maker.Make(tiny.ToByteArray(MagickFormat.Png), "tiny.png");

        Assert.Contains(PhotoProblem.FaceTooSmall, result.Problems);
        Assert.NotNull(result.Jpeg);
    }

    [Fact]
    public void RejectsAPhotoWithNoFace()
    {
        using var wall = new MagickImage(MagickColors.White, 1200, 1600);
        var result = maker.Make(TestImages.Jpeg(wall), "wall.jpg");

        Assert.False(result.Accepted);
        Assert.Equal([PhotoProblem.NoFace], result.Problems);
        Assert.Null(result.Jpeg);
    }

    [Fact]
    public void AFalseFaceMadeByJpegBlocksNeitherRefusesThePhotoNorMovesTheCrop()
    {
        // At quality 60 the detector also sees a weak, larger "face" beside hers (6 hits against her 37).
        using var astronaut = TestImages.Astronaut();
        astronaut.Resize(new Percentage(200));
        var result = maker.Make(TestImages.Jpeg(astronaut, quality: 60), "IMG_0003.JPG");

        AssertGeometry(result, 2 * TestImages.AstronautCrownY, 2 * TestImages.AstronautChinY, 2 * TestImages.AstronautFaceCenterX);
        AssertOutputSpec(result);
    }

    [Fact]
    public void RejectsAPhotoWithTwoFaces()
    {
        using var canvas = new MagickImage(MagickColors.White, 1100, 560);
        using var astronaut = TestImages.Astronaut();
        canvas.Composite(astronaut, 20, 20, CompositeOperator.Over);
        canvas.Composite(astronaut, 560, 20, CompositeOperator.Over);
        var result = maker.Make(TestImages.Jpeg(canvas), "two.jpg");

        Assert.False(result.Accepted);
        Assert.Contains(PhotoProblem.SeveralFaces, result.Problems);
    }

    [Fact]
    public void FallsBackToACentredCropWhenTheFaceFinderIsMissing()
    {
        using var finder = new HaarFaceFinder("/nonexistent/cascade.xml");
        using var astronaut = TestImages.Astronaut();
        var result = new IdPhotoMaker(finder).Make(astronaut.ToByteArray(MagickFormat.Png), null);

        Assert.False(finder.IsAvailable);
        Assert.True(result.Accepted);
        Assert.Contains(PhotoProblem.FaceFinderUnavailable, result.Problems);
        Assert.Equal(UploadMessageKeys.PhotoDoneCentred, result.SummaryKey);
        AssertOutputSpec(result);
    }

    [Fact]
    public void AcceptsWebP()
    {
        using var astronaut = TestImages.Astronaut();
        astronaut.Resize(new Percentage(200));
        var result = maker.Make(astronaut.ToByteArray(MagickFormat.WebP), "me.webp");

        AssertOutputSpec(result);
    }

    public static TheoryData<string, PhotoProblem> BadFiles() => new()
    {
        { "empty", PhotoProblem.Unreadable },
        { "truncated", PhotoProblem.Unreadable },
        { "bomb", PhotoProblem.TooLarge },
        { "docx", PhotoProblem.UnsupportedFormat },
        { "svg", PhotoProblem.UnsupportedFormat },
        { "pdf", PhotoProblem.UnsupportedFormat },
        { "garbage-after-jpeg-magic", PhotoProblem.Unreadable },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void GivesAProblemNotAnExceptionForABadFile(string kind, PhotoProblem expected)
    {
        var result = maker.Make(BadFile(kind), "photo.jpg");

        Assert.False(result.Accepted);
        Assert.Equal([expected], result.Problems);
        Assert.Equal(UploadMessageKeys.PhotoNotDone, result.SummaryKey);
    }

    internal static byte[] BadFile(string kind) => kind switch
    {
        "empty" => [],
        "truncated" => TestImages.Read("corrupt-truncated.jpg"),
        "bomb" => TestImages.PngBomb(),
        "docx" => TestImages.RenamedDocx(),
        "svg" => TestImages.Svg(),
        "pdf" => TestImages.Pdf(1, noisy: false),
        "garbage-after-jpeg-magic" => [0xFF, 0xD8, 0xFF, .. Enumerable.Repeat((byte)0x42, 5000)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Ground truth (where crown, chin and face centre really are in the source) against the crop the maker chose.</summary>
    private static void AssertGeometry(PhotoResult result, double crownY, double chinY, double centerX)
    {
        Assert.True(result.Accepted, string.Join(",", result.Problems));
        var crop = result.Crop!.Value;
        var headRatio = (chinY - crownY) / crop.Height;
        var centreOffset = ((centerX - crop.X) / crop.Width) - 0.5;
        Assert.InRange(headRatio, UploadLimits.MinHeadHeightRatio, UploadLimits.MaxHeadHeightRatio);
        Assert.InRange(centreOffset, -0.05, 0.05);
        Assert.InRange((crownY - crop.Y) / crop.Height, 0.0, 0.2);
    }

    private static void AssertOutputSpec(PhotoResult result)
    {
        Assert.NotNull(result.Jpeg);
        Assert.InRange(result.Jpeg.Length, UploadLimits.MinPhotoBytes, UploadLimits.MaxUploadBytes);
        using var photo = new MagickImage(result.Jpeg);
        Assert.Equal(MagickFormat.Jpeg, photo.Format);
        Assert.True(photo.Width >= 413 && photo.Height >= 531);
        Assert.Equal(35.0 / 45.0, (double)photo.Width / photo.Height, 0.01);
        Assert.Equal(300, photo.Density.X, 0.5);
        Assert.Equal((int)photo.Width, result.Width);
    }
}
