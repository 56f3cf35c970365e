namespace Bot.Dialogs.Uploads;

/// <summary>A face rectangle in pixels of the image it was found in (Haar boxes span roughly brows to chin).</summary>
public readonly record struct FaceBox(int X, int Y, int Width, int Height)
{
    public double CenterX => X + (Width / 2.0);

    public FaceBox Scale(double factor) =>
        new((int)Math.Round(X * factor), (int)Math.Round(Y * factor), (int)Math.Round(Width * factor), (int)Math.Round(Height * factor));
}
