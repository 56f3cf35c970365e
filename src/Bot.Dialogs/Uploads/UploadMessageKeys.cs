namespace Bot.Dialogs.Uploads;

/// <summary>
/// Keys of Messages/uploads.*.json. A test checks that every constant here exists in both
/// languages and that the two files have the same keys.
/// </summary>
public static class UploadMessageKeys
{
    // What was done (one line each). {0} = size in KB, or page count.
    public const string PhotoDone = "upload.photo.done";
    public const string PhotoDoneCentred = "upload.photo.doneCentred";
    public const string PhotoNotDone = "upload.photo.notDone";
    public const string DocUnchanged = "upload.doc.unchanged";
    public const string DocConverted = "upload.doc.converted";
    public const string DocPages = "upload.doc.pages";
    public const string DocNotDone = "upload.doc.notDone";

    public const string PhotoProblemUnreadable = "upload.photo.problem.Unreadable";
    public const string PhotoProblemUnsupportedFormat = "upload.photo.problem.UnsupportedFormat";
    public const string PhotoProblemTooLarge = "upload.photo.problem.TooLarge";
    public const string PhotoProblemNoFace = "upload.photo.problem.NoFace";
    public const string PhotoProblemSeveralFaces = "upload.photo.problem.SeveralFaces";
    public const string PhotoProblemFaceTooSmall = "upload.photo.problem.FaceTooSmall";
    public const string PhotoProblemBackgroundNotWhite = "upload.photo.problem.BackgroundNotWhite";
    public const string PhotoProblemBackgroundUneven = "upload.photo.problem.BackgroundUneven";
    public const string PhotoProblemTooDark = "upload.photo.problem.TooDark";
    public const string PhotoProblemFaceFinderUnavailable = "upload.photo.problem.FaceFinderUnavailable";
    public const string PhotoProblemNotInColour = "upload.photo.problem.NotInColour";

    public const string DocProblemUnreadable = "upload.doc.problem.Unreadable";
    public const string DocProblemEmpty = "upload.doc.problem.Empty";
    public const string DocProblemUnsupportedFormat = "upload.doc.problem.UnsupportedFormat";
    public const string DocProblemTooLarge = "upload.doc.problem.TooLarge";
    public const string DocProblemTooManyPages = "upload.doc.problem.TooManyPages";
    public const string DocProblemCannotShrink = "upload.doc.problem.CannotShrink";


    /// <summary>The key that explains a photo problem ("upload.photo.problem.NoFace").</summary>
    public static string For(PhotoProblem problem) => $"upload.photo.problem.{problem}";

    /// <summary>The key that explains a document problem ("upload.doc.problem.CannotShrink").</summary>
    public static string For(DocumentProblem problem) => $"upload.doc.problem.{problem}";
}
