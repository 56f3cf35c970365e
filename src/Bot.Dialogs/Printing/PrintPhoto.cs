using ImageMagick;

namespace Bot.Dialogs.Printing;

/// <summary>
/// The copy of the prepared ID photo kept for the printable summary: 35 × 45 mm at 200 dpi (276 × 354 px), which prints
/// sharp on A4 at a tenth of the prepared file's size. The student uploads the prepared file itself to the NIA, not this.
/// </summary>
public static class PrintPhoto
{
    public const uint Width = 276;

    public const uint Height = 354;

    public static byte[] Shrink(byte[] jpeg)
    {
        using var image = new MagickImage(jpeg);
        if (image.Width > Width || image.Height > Height)
        {
            image.Resize(new MagickGeometry(Width, Height));
        }

        image.Strip();
        image.Quality = 85;
        return image.ToByteArray(MagickFormat.Jpeg);
    }
}
