namespace Bot.Dialogs.Uploads;

/// <summary>A face rectangle in pixels of the image it was found in (Haar boxes span roughly brows to chin).</summary>
public readonly record struct FaceBox(int X, int Y, int Width, int Height)
{
    public double CenterX => X + (Width / 2.0);

    public double CenterY => Y + (Height / 2.0);

    /// <summary>Whether the two boxes are the same face found twice: either centre lies inside the other box.</summary>
    public bool SameFaceAs(FaceBox other) =>
        (other.CenterX >= X && other.CenterX <= X + Width && other.CenterY >= Y && other.CenterY <= Y + Height)
        || (CenterX >= other.X && CenterX <= other.X + other.Width && CenterY >= other.Y && CenterY <= other.Y + other.Height);

    public FaceBox Scale(double factor) =>
        new((int)Math.Round(X * factor), (int)Math.Round(Y * factor), (int)Math.Round(Width * factor), (int)Math.Round(Height * factor));
}
