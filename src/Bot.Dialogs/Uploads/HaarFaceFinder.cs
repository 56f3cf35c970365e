using OpenCvSharp;

namespace Bot.Dialogs.Uploads;

/// <summary>
/// OpenCV's Haar frontal-face cascade. Never throws for a missing native library or cascade
/// file: it reports <see cref="IsAvailable"/> = false and the photo maker falls back to a centred crop.
/// </summary>
public sealed class HaarFaceFinder : IFaceFinder, IDisposable
{
    // Debian/Ubuntu opencv-data, a source-built OpenCV, and Fedora, in that order.
    public static readonly IReadOnlyList<string> StandardCascadePaths =
    [
        "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml",
        "/usr/local/share/opencv4/haarcascades/haarcascade_frontalface_default.xml",
        "/usr/share/opencv/haarcascades/haarcascade_frontalface_default.xml",
        "/usr/share/OpenCV/haarcascades/haarcascade_frontalface_default.xml",
    ];

    private readonly CascadeClassifier? classifier;

    // CascadeClassifier keeps scratch buffers per instance: one detection at a time.
    private readonly Lock gate = new();

    public HaarFaceFinder(string? cascadePath = null)
    {
        var path = cascadePath ?? StandardCascadePaths.FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(path))
        {
            return;
        }

        try
        {
            var loaded = new CascadeClassifier(path);
            if (loaded.Empty())
            {
                loaded.Dispose();
                return;
            }

            classifier = loaded;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException
                                      or EntryPointNotFoundException or OpenCVException or OpenCvSharpException)
        {
            classifier = null;
        }
    }

    public bool IsAvailable => classifier is not null;

    public IReadOnlyList<FaceBox> Find(GrayImage image, bool confident = false)
    {
        image.Validate();
        if (classifier is null)
        {
            return [];
        }

        using var mat = Mat.FromPixelData(image.Height, image.Width, MatType.CV_8UC1, image.Pixels);
        using var equalized = new Mat();
        // Equalising makes the cascade far less sensitive to dim or washed-out phone photos.
        Cv2.EqualizeHist(mat, equalized);
        var minSide = (int)(Math.Min(image.Width, image.Height) * UploadLimits.MinFaceFraction);
        Rect[] found;
        lock (gate)
        {
            var neighbours = confident ? UploadLimits.ConfidentFaceNeighbours : UploadLimits.FaceNeighbours;
            found = classifier.DetectMultiScale(equalized, 1.1, neighbours, HaarDetectionTypes.ScaleImage, new Size(minSide, minSide));
        }

        return [.. found.Select(r => new FaceBox(r.X, r.Y, r.Width, r.Height))];
    }

    public void Dispose() => classifier?.Dispose();
}
