namespace Bot.Dialogs.Uploads;

/// <summary>Where to cut a 35:45 photo so the head is centred and fills ~75 % of the height.</summary>
public static class HeadCrop
{
    private const double Aspect = 35.0 / 45.0;

    /// <summary>The crop around a Haar face box (brows to chin): crown and chin are estimated from it.</summary>
    public static PixelRect AroundFace(FaceBox face)
    {
        var crown = face.Y - (UploadLimits.CrownAboveFaceBox * face.Height);
        var chin = face.Y + face.Height + (UploadLimits.ChinBelowFaceBox * face.Height);
        var height = (chin - crown) / UploadLimits.HeadHeightRatio;
        var width = height * Aspect;
        var top = crown - (UploadLimits.CrownMarginRatio * height);
        var left = face.CenterX - (width / 2);
        return new PixelRect((int)Math.Round(left), (int)Math.Round(top), (int)Math.Round(width), (int)Math.Round(height));
    }

    /// <summary>Without a face: the largest 35:45 rectangle centred in the image.</summary>
    public static PixelRect Centred(int imageWidth, int imageHeight)
    {
        var height = Math.Min(imageHeight, imageWidth / Aspect);
        var width = height * Aspect;
        return new PixelRect((int)Math.Round((imageWidth - width) / 2), (int)Math.Round((imageHeight - height) / 2), (int)Math.Round(width), (int)Math.Round(height));
    }
}
