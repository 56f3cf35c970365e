namespace Bot.Dialogs.Uploads;

/// <summary>Every threshold of the upload pipeline, each with its reason or source (domain.md §1).</summary>
public static class UploadLimits
{
    // ---- NIA rules ----

    /// <summary>NIA upload rule: each file must be under 512 KB (2020 guide, confirmed by CGU).</summary>
    public const int MaxUploadBytes = 512 * 1024;

    /// <summary>CGU digital photo rule: photo file 4 KB–512 KB.</summary>
    public const int MinPhotoBytes = 4 * 1024;

    /// <summary>CGU: at least 413 × 531 px, which is exactly 35 × 45 mm at 300 dpi; we output exactly that.</summary>
    public const int PhotoWidth = 413;

    /// <inheritdoc cref="PhotoWidth"/>
    public const int PhotoHeight = 531;

    /// <summary>CGU: "dpi &lt;300" (read as ≤ 300); 300 makes 413 × 531 px print at 35 × 45 mm.</summary>
    public const int PhotoDpi = 300;

    /// <summary>NIA: head crown to chin 3.2–3.6 cm of 4.5 cm (71–80 %); we aim at the middle.</summary>
    public const double HeadHeightRatio = 0.75;

    /// <summary>Lower end of the NIA head band (3.2 / 4.5).</summary>
    public const double MinHeadHeightRatio = 0.71;

    /// <summary>Upper end of the NIA head band (3.6 / 4.5).</summary>
    public const double MaxHeadHeightRatio = 0.80;

    /// <summary>Space above the crown as a share of the photo height; leaves 16 % below the chin for the neck, as in NIA samples.</summary>
    public const double CrownMarginRatio = 0.09;

    // ---- Head estimate from a Haar frontal-face box (box ≈ brows to chin) ----

    /// <summary>
    /// Crown ≈ box top − 0.52 × box height. Tuned on portrait-astronaut.png (crown y 15, chin y 180) at 1×, 2× and 3×:
    /// the Haar box varies ±4 % with scale, so these put the true head ratio at 0.72–0.78, inside the NIA band.
    /// </summary>
    public const double CrownAboveFaceBox = 0.52;

    /// <summary>Chin ≈ box bottom + 0.19 × box height (see <see cref="CrownAboveFaceBox"/>).</summary>
    public const double ChinBelowFaceBox = 0.19;

    // ---- Face detection ----

    /// <summary>Detection runs on a copy this long on its longer side: Haar cost grows with pixels, 640 keeps it ~20 ms.</summary>
    public const int DetectionLongSide = 640;

    /// <summary>Smallest face searched for, as a share of the shorter side; smaller ones are noise or a crowd.</summary>
    public const double MinFaceFraction = 0.08;

    /// <summary>A second face counts only if at least this share of the largest one; smaller hits are badges and posters.</summary>
    public const double SecondFaceMinRelativeSize = 0.6;

    /// <summary>Overlapping detector hits needed for a face (OpenCV's minNeighbors).</summary>
    public const int FaceNeighbours = 5;

    /// <summary>
    /// Hits needed before a second face refuses a photo. Measured on the test portrait: real faces gather 25–42 hits,
    /// the false face a JPEG at quality 60 makes beside it gathers 6.
    /// </summary>
    public const int ConfidentFaceNeighbours = 15;

    /// <summary>Upscaling the decoded crop up to this is invisible at 413 × 531; beyond it the photo is decoded again at full size.</summary>
    public const double MaxSilentUpscale = 1.25;

    /// <summary>More upscaling of the crop than this makes a blurry photo: report FaceTooSmall.</summary>
    public const double MaxUpscale = 1.6;

    // ---- Photo quality checks (0–255 luma, measured on the 413 × 531 result) ----

    /// <summary>Mean luma of the background strips below this is not "white" (a grey wall is ~150–190).</summary>
    public const double MinBackgroundLuma = 200;

    /// <summary>Mean |R−G|+|G−B| above this is a coloured wall, not white.</summary>
    public const double MaxBackgroundChroma = 40;

    /// <summary>Strip means differing more than this, or a strip's std dev above <see cref="MaxBackgroundStdDev"/>: shadow or clutter.</summary>
    public const double MaxBackgroundSpread = 35;

    /// <inheritdoc cref="MaxBackgroundSpread"/>
    public const double MaxBackgroundStdDev = 30;

    /// <summary>Mean face luma below this is an underexposed face NIA rejects ("even light").</summary>
    public const double MinFaceLuma = 70;

    /// <summary>
    /// Mean |R−G|+|G−B| of the face below this is a black-and-white photo: skin of any tone under daylight or a lamp
    /// measures 30–90 (even very pale skin ~40), a greyscale JPEG 0–3.
    /// </summary>
    public const double MinFaceChroma = 12;

    // ---- Input safety ----

    /// <summary>Telegram's Bot API downloads files up to 20 MB; anything bigger is not a phone photo or scan.</summary>
    public const int MaxInputBytes = 20 * 1024 * 1024;

    /// <summary>Longest side accepted (phone cameras top out near 8000–16000 px); also Magick's hard width/height limit.</summary>
    public const int MaxSide = 16_384;

    /// <summary>At most 50 MP (a 48/50 MP phone shot); a 20000 × 20000 "decompression bomb" is 400 MP.</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>Photos are decoded at about this long side (JPEG DCT scaling): ample for a 531 px high crop, 4× cheaper than 12 MP.</summary>
    public const int PhotoDecodeLongSide = 2000;

    /// <summary>Magick pixel cache kept in memory up to this; beyond it Magick fails rather than swapping a small VM.</summary>
    public const long MagickMemoryBytes = 512L * 1024 * 1024;

    /// <summary>Magick gives up on one image after this many seconds (a per-image time-to-live in ImageMagick 7).</summary>
    public const int MagickTimeSeconds = 30;

    // ---- JPEG encoding ----

    /// <summary>Photo qualities tried in order until the file fits 512 KB (413 × 531 fits at the first step in practice).</summary>
    public static readonly IReadOnlyList<int> PhotoQualities = [92, 88, 84, 80, 75, 70, 65, 60, 50];

    /// <summary>Document qualities tried before reducing resolution: text stays legible down to ~45.</summary>
    public static readonly IReadOnlyList<int> DocumentQualities = [85, 78, 70, 62, 55, 48];

    /// <summary>Documents keep at least this long side when the source has it: small print stays readable for the officer.</summary>
    public const int DocumentMinLongSide = 1600;

    /// <summary>Documents are first capped at A4 300 dpi (3508 px); more resolution only costs bytes.</summary>
    public const int DocumentMaxLongSide = 3508;

    /// <summary>Each resolution step after the quality ladder is exhausted.</summary>
    public const double DocumentShrinkStep = 0.8;

    // ---- PDF ----

    /// <summary>More pages than this is probably the wrong file, and rasterising costs ~0.3 s a page.</summary>
    public const int MaxPdfPages = 10;

    /// <summary>PDF pages are rendered at 150 dpi: an A4 page is 1240 × 1754 px, long side ≥ 1600.</summary>
    public const int PdfDensity = 150;

    /// <summary>
    /// Ghostscript is stopped after this long and the student gets CannotShrink rather than a held chat. A 10-page scan
    /// takes a few seconds on one core; the margin covers a busy 2-core host. Upload turns hold the student's
    /// lease for <see cref="UploadTurnSeconds"/>, which must stay above this.
    /// </summary>
    public const int PdfMaxSeconds = 45;

    /// <summary>How long a turn that processes uploads may hold the student (fetch + pipeline + replies).</summary>
    public const int UploadTurnSeconds = 120;
}
