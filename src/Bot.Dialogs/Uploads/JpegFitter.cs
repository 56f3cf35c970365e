using ImageMagick;

namespace Bot.Dialogs.Uploads;

/// <summary>A JPEG that fits the byte budget and the quality it was written at.</summary>
internal sealed record FittedJpeg(byte[] Bytes, int Quality);

/// <summary>Writes an image as JPEG at the highest quality of a ladder that stays under a byte budget.</summary>
internal static class JpegFitter
{
    public static FittedJpeg? FitUnder(MagickImage image, int maxBytes, IReadOnlyList<int> qualities)
    {
        image.Format = MagickFormat.Jpeg;
        // Try the lowest rung first: when even that is too big, the caller must cut resolution and
        // we have spent one encode instead of the whole ladder.
        var lowest = Encode(image, qualities[^1]);
        if (lowest.Length > maxBytes)
        {
            return null;
        }

        foreach (var quality in qualities.Take(qualities.Count - 1))
        {
            var bytes = Encode(image, quality);
            if (bytes.Length <= maxBytes)
            {
                return new FittedJpeg(bytes, quality);
            }
        }

        return new FittedJpeg(lowest, qualities[^1]);
    }

    private static byte[] Encode(MagickImage image, int quality)
    {
        image.Quality = (uint)quality;
        return image.ToByteArray(MagickFormat.Jpeg);
    }
}
