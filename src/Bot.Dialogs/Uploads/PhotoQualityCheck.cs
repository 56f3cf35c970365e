namespace Bot.Dialogs.Uploads;

/// <summary>
/// Background, exposure and colour checks on the finished 35:45 photo. The background is sampled in
/// three strips that should be wall in a well-framed photo: left and right edges beside the
/// head, and a band above the crown.
/// </summary>
public static class PhotoQualityCheck
{
    private readonly record struct Stats(double Luma, double StdDev, double Chroma);

    public static IReadOnlyList<PhotoProblem> Check(RgbImage photo, FaceBox? face)
    {
        var w = photo.Width;
        var h = photo.Height;
        // Narrow (1/25 of the width): full hair reaches close to the edges of a well-framed photo.
        var strip = Math.Max(1, w / 25);
        // Side strips stop at 55 % of the height: below that are the shoulders.
        Stats[] strips =
        [
            Measure(photo, 0, h / 20, strip, h * 55 / 100),
            Measure(photo, w - strip, h / 20, strip, h * 55 / 100),
            Measure(photo, w / 4, 0, w / 2, Math.Max(1, h / 20)),
        ];

        var problems = new List<PhotoProblem>();
        if (strips.Any(s => s.Luma < UploadLimits.MinBackgroundLuma || s.Chroma > UploadLimits.MaxBackgroundChroma))
        {
            problems.Add(PhotoProblem.BackgroundNotWhite);
        }

        if (strips.Max(s => s.Luma) - strips.Min(s => s.Luma) > UploadLimits.MaxBackgroundSpread
            || strips.Any(s => s.StdDev > UploadLimits.MaxBackgroundStdDev))
        {
            problems.Add(PhotoProblem.BackgroundUneven);
        }

        // The inner half of the face box is skin, not hair or background.
        var faceArea = face ?? new FaceBox(w / 4, h / 4, w / 2, h / 2);
        var skin = Measure(photo, faceArea.X + (faceArea.Width / 4), faceArea.Y + (faceArea.Height / 4), faceArea.Width / 2, faceArea.Height / 2);
        if (skin.Luma < UploadLimits.MinFaceLuma)
        {
            problems.Add(PhotoProblem.TooDark);
        }

        if (skin.Chroma < UploadLimits.MinFaceChroma)
        {
            problems.Add(PhotoProblem.NotInColour);
        }

        return problems;
    }

    private static Stats Measure(RgbImage img, int x0, int y0, int width, int height)
    {
        x0 = Math.Clamp(x0, 0, img.Width - 1);
        y0 = Math.Clamp(y0, 0, img.Height - 1);
        var x1 = Math.Clamp(x0 + Math.Max(1, width), 1, img.Width);
        var y1 = Math.Clamp(y0 + Math.Max(1, height), 1, img.Height);
        double sum = 0, sumSq = 0, chroma = 0;
        var n = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var i = ((y * img.Width) + x) * 3;
                int r = img.Pixels[i], g = img.Pixels[i + 1], b = img.Pixels[i + 2];
                // Rec. 601 luma: what "bright" means to the eye (and to the officer).
                var luma = (0.299 * r) + (0.587 * g) + (0.114 * b);
                sum += luma;
                sumSq += luma * luma;
                chroma += Math.Abs(r - g) + Math.Abs(g - b);
                n++;
            }
        }

        var mean = sum / n;
        return new Stats(mean, Math.Sqrt(Math.Max(0, (sumSq / n) - (mean * mean))), chroma / n);
    }
}
