namespace Bot.Dialogs.Uploads;

/// <summary>8-bit RGB pixels, row by row: the finished photo as the quality checks see it.</summary>
public sealed record RgbImage(int Width, int Height, byte[] Pixels);
