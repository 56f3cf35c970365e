namespace Bot.Dialogs.Uploads;

/// <summary>What is wrong with a photo. The first five block it; the rest are warnings shown with the result.</summary>
public enum PhotoProblem
{
    Unreadable,
    UnsupportedFormat,
    /// <summary>Too many pixels or bytes.</summary>
    TooLarge,
    NoFace,
    SeveralFaces,
    /// <summary>The crop had to be upscaled more than <see cref="UploadLimits.MaxUpscale"/>: blurry.</summary>
    FaceTooSmall,
    BackgroundNotWhite,
    BackgroundUneven,
    TooDark,
    /// <summary>No detector: the crop is centred, not fitted to the head; the student must check it.</summary>
    FaceFinderUnavailable,
    /// <summary>Black-and-white (or drained of colour by a filter): the NIA wants a colour photo.</summary>
    NotInColour,
}

public static class PhotoProblemExtensions
{
    /// <summary>Blocking problems leave no photo to upload; the others still give one, with advice.</summary>
    public static bool IsBlocking(this PhotoProblem problem) => problem <= PhotoProblem.SeveralFaces;
}
