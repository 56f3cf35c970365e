namespace Bot.Dialogs.Uploads;

/// <summary>8-bit greyscale pixels, row by row, no padding: what a face finder needs and nothing that ties it to Magick.</summary>
public sealed record GrayImage(int Width, int Height, byte[] Pixels)
{
    public GrayImage Validate() =>
        Pixels.Length == Width * Height ? this : throw new ArgumentException("Pixel count does not match the size.", nameof(Pixels));
}
