using System.Globalization;
using System.Text.RegularExpressions;
using ImageMagick;

namespace Bot.Dialogs.Uploads;

/// <summary>
/// Makes a scan or PDF acceptable to the NIA form: JPG/PNG/BMP/PDF, each file under 512 KB.
/// Files that already comply pass byte for byte; HEIC/WebP and big images become JPEG (quality
/// first, then resolution, never below 1,600 px on the long side); big PDFs become one JPEG per page.
/// Never throws for a bad file: every failure is a <see cref="DocumentProblem"/>.
/// </summary>
public sealed partial class DocumentPreparer
{
    private const string Jpeg = "image/jpeg";

    private readonly TimeSpan pdfTimeLimit;

    /// <param name="pdfTimeLimit">How long rendering a PDF may take (default <see cref="UploadLimits.PdfMaxSeconds"/>).</param>
    public DocumentPreparer(TimeSpan? pdfTimeLimit = null)
    {
        ImagingSetup.Initialize();
        this.pdfTimeLimit = pdfTimeLimit ?? TimeSpan.FromSeconds(UploadLimits.PdfMaxSeconds);
    }

    /// <param name="bytes">The file as sent.</param>
    /// <param name="fileName">Ignored for decoding (the bytes decide the format).</param>
    /// <param name="slotFileStem">Output name stem, e.g. "2-passport" (see <see cref="DocumentSlots"/>).</param>
    public DocumentResult Prepare(byte[] bytes, string? fileName, string slotFileStem)
    {
        if (!SafeStem().IsMatch(slotFileStem))
        {
            // A caller bug, not a student's file: the stem becomes a file name.
            throw new ArgumentException("The stem must be lowercase letters, digits and dashes.", nameof(slotFileStem));
        }

        try
        {
            return PrepareCore(bytes, slotFileStem);
        }
        catch (MagickException e)
        {
            return DocumentResult.Rejected(SafeImageLoader.Classify(e) switch
            {
                LoadFailure.TooLarge => DocumentProblem.TooLarge,
                LoadFailure.UnsupportedFormat => DocumentProblem.UnsupportedFormat,
                _ => DocumentProblem.Unreadable,
            });
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException or RegexMatchTimeoutException)
        {
            return DocumentResult.Rejected(DocumentProblem.Unreadable);
        }
    }

    private DocumentResult PrepareCore(byte[] bytes, string stem)
    {
        if (bytes.Length == 0)
        {
            return DocumentResult.Rejected(DocumentProblem.Empty);
        }

        if (bytes.Length > UploadLimits.MaxInputBytes)
        {
            return DocumentResult.Rejected(DocumentProblem.TooLarge);
        }

        var format = FormatSniffer.Detect(bytes);
        return format switch
        {
            FileFormat.Unknown => DocumentResult.Rejected(DocumentProblem.UnsupportedFormat),
            FileFormat.Pdf => PreparePdf(bytes, stem),
            _ => PrepareImage(bytes, format, stem),
        };
    }

    private DocumentResult PreparePdf(byte[] bytes, string stem)
    {
        if (bytes.Length <= UploadLimits.MaxUploadBytes)
        {
            return PdfPageCounter.CountVisiblePages(bytes) > UploadLimits.MaxPdfPages
                ? DocumentResult.Rejected(DocumentProblem.TooManyPages)
                : Unchanged(new PreparedFile($"{stem}.pdf", "application/pdf", bytes));
        }

        var rendered = PdfRasterizer.Render(bytes, pdfTimeLimit);
        if (rendered.Pages is null)
        {
            return DocumentResult.Rejected(rendered.Problem ?? DocumentProblem.Unreadable);
        }

        using var pages = rendered.Pages;
        var files = new List<PreparedFile>();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = (MagickImage)pages[i];
            // Ghostscript pages can be transparent where the PDF draws nothing: paper is white.
            page.BackgroundColor = MagickColors.White;
            page.Alpha(AlphaAction.Remove);
            var jpeg = Shrink(page);
            if (jpeg is null)
            {
                return DocumentResult.Rejected(DocumentProblem.CannotShrink);
            }

            var name = pages.Count == 1 ? $"{stem}.jpg" : $"{stem}-p{i + 1}.jpg";
            files.Add(new PreparedFile(name, Jpeg, jpeg));
        }

        return new DocumentResult(true, files, null)
        {
            SummaryKey = UploadMessageKeys.DocPages,
            SummaryArgs = [files.Count.ToString(CultureInfo.InvariantCulture)],
        };
    }

    private static DocumentResult PrepareImage(byte[] bytes, FileFormat format, string stem)
    {
        var loaded = SafeImageLoader.Load(bytes, format, UploadLimits.DocumentMaxLongSide);
        if (loaded.Image is null)
        {
            return DocumentResult.Rejected(loaded.Failure switch
            {
                LoadFailure.TooLarge => DocumentProblem.TooLarge,
                LoadFailure.UnsupportedFormat => DocumentProblem.UnsupportedFormat,
                _ => DocumentProblem.Unreadable,
            });
        }

        using var image = loaded.Image;
        var upright = image.Orientation is Orientation.TopLeft or Orientation.Undefined;
        var nativeFormat = format is FileFormat.Jpeg or FileFormat.Png or FileFormat.Bmp;
        if (nativeFormat && upright && bytes.Length <= UploadLimits.MaxUploadBytes)
        {
            // Already acceptable: re-encoding would only lose quality.
            var (extension, contentType) = format switch
            {
                FileFormat.Png => ("png", "image/png"),
                FileFormat.Bmp => ("bmp", "image/bmp"),
                _ => ("jpg", Jpeg),
            };
            return Unchanged(new PreparedFile($"{stem}.{extension}", contentType, bytes));
        }

        image.AutoOrient();
        if (image.HasAlpha)
        {
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
        }

        var jpeg = Shrink(image);
        if (jpeg is null)
        {
            return DocumentResult.Rejected(DocumentProblem.CannotShrink);
        }

        return new DocumentResult(true, [new PreparedFile($"{stem}.jpg", Jpeg, jpeg)], null)
        {
            SummaryKey = UploadMessageKeys.DocConverted,
            SummaryArgs = [(jpeg.Length / 1024).ToString(CultureInfo.InvariantCulture)],
        };
    }

    /// <summary>
    /// JPEG under 512 KB: quality steps first, then 20 % less resolution at a time, stopping at
    /// 1,600 px on the long side (or the source's own size if smaller). Null when that is not enough.
    /// </summary>
    internal static byte[]? Shrink(MagickImage image)
    {
        image.Strip();
        var longSide = (int)Math.Max(image.Width, image.Height);
        if (longSide > UploadLimits.DocumentMaxLongSide)
        {
            Resize(image, UploadLimits.DocumentMaxLongSide);
            longSide = UploadLimits.DocumentMaxLongSide;
        }

        var floor = Math.Min(longSide, UploadLimits.DocumentMinLongSide);
        while (true)
        {
            var fitted = JpegFitter.FitUnder(image, UploadLimits.MaxUploadBytes, UploadLimits.DocumentQualities);
            if (fitted is not null)
            {
                return fitted.Bytes;
            }

            if (longSide <= floor)
            {
                return null;
            }

            longSide = Math.Max(floor, (int)(longSide * UploadLimits.DocumentShrinkStep));
            Resize(image, longSide);
        }
    }

    private static void Resize(MagickImage image, int longSide)
    {
        var geometry = new MagickGeometry((uint)longSide, (uint)longSide);
        image.Resize(geometry);
    }

    private static DocumentResult Unchanged(PreparedFile file) =>
        new(true, [file], null) { SummaryKey = UploadMessageKeys.DocUnchanged };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeStem();
}
