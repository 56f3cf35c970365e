namespace Bot.Dialogs.Uploads;

/// <summary>Finds frontal faces; swappable so the photo maker works (with a centred crop) where OpenCV is missing.</summary>
public interface IFaceFinder
{
    /// <summary>False when the detector could not be loaded; <see cref="Find"/> then returns no faces.</summary>
    bool IsAvailable { get; }

    /// <summary>Face boxes in the pixel coordinates of <paramref name="image"/>.</summary>
    /// <param name="confident">
    /// Only faces the detector is sure of (many overlapping hits): to tell a second person from a false face that JPEG
    /// blocks or a busy texture can make.
    /// </param>
    IReadOnlyList<FaceBox> Find(GrayImage image, bool confident = false);
}
