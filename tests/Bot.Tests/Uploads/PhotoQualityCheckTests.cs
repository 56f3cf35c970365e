using Bot.Dialogs.Uploads;
using Xunit;

namespace Bot.Tests.Uploads;

public sealed class PhotoQualityCheckTests
{
    private static readonly FaceBox Face = new(120, 150, 170, 200);

    /// <summary>A white-ish background and a face of the given brightness: warm skin tones, or grey for a black-and-white photo.</summary>
    private static RgbImage Photo(Func<int, int, byte> background, byte skin = 190, bool blackAndWhite = false)
    {
        const int w = 413, h = 531;
        var pixels = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var inFace = x >= Face.X && x < Face.X + Face.Width && y >= Face.Y && y < Face.Y + Face.Height;
                var v = inFace ? skin : background(x, y);
                var warm = inFace && !blackAndWhite;
                pixels[((y * w) + x) * 3] = v;
                pixels[((y * w) + x) * 3 + 1] = warm ? (byte)(v * 0.82) : v;
                pixels[((y * w) + x) * 3 + 2] = warm ? (byte)(v * 0.70) : v;
            }
        }

        return new RgbImage(w, h, pixels);
    }

    [Fact]
    public void FindsNothingWrongWithAWhiteBackground() =>
        Assert.Empty(PhotoQualityCheck.Check(Photo((_, _) => 245), Face));

    [Fact]
    public void ReportsAGreyWall() =>
        Assert.Contains(PhotoProblem.BackgroundNotWhite, PhotoQualityCheck.Check(Photo((_, _) => 150), Face));

    [Fact]
    public void ReportsAShadowOnOneSide() =>
        Assert.Contains(PhotoProblem.BackgroundUneven, PhotoQualityCheck.Check(Photo((x, _) => x < 200 ? (byte)245 : (byte)190), Face));

    [Fact]
    public void ReportsADarkFace() =>
        Assert.Contains(PhotoProblem.TooDark, PhotoQualityCheck.Check(Photo((_, _) => 245, skin: 40), Face));

    [Fact]
    public void ReportsABlackAndWhitePhoto() =>
        Assert.Equal([PhotoProblem.NotInColour], PhotoQualityCheck.Check(Photo((_, _) => 245, blackAndWhite: true), Face));
}
