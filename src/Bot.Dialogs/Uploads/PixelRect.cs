namespace Bot.Dialogs.Uploads;

/// <summary>A rectangle in source pixels; may reach outside the image (that part is padded white).</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public PixelRect Scale(double factor) =>
        new((int)Math.Round(X * factor), (int)Math.Round(Y * factor), (int)Math.Round(Width * factor), (int)Math.Round(Height * factor));
}
