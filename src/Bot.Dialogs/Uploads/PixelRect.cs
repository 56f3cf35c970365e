namespace Bot.Dialogs.Uploads;

/// <summary>A rectangle in source pixels; may reach outside the image (that part is padded white).</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height);
