using System.Diagnostics;
using ImageMagick;

namespace Bot.Dialogs.Uploads;

/// <summary>Pages rendered from a PDF (owned by the caller) or why there are none.</summary>
internal sealed record RenderedPages(MagickImageCollection? Pages, DocumentProblem? Problem);

/// <summary>
/// Renders at most <see cref="UploadLimits.MaxPdfPages"/> + 1 pages through Ghostscript, at
/// <see cref="UploadLimits.PdfDensity"/> dpi: one page more than allowed tells "too many pages"
/// without rendering a 300-page file.
/// </summary>
internal static class PdfRasterizer
{
    public static RenderedPages Render(byte[] pdf)
    {
        if (PdfPageCounter.CountVisiblePages(pdf) > UploadLimits.MaxPdfPages)
        {
            return new RenderedPages(null, DocumentProblem.TooManyPages);
        }

        var settings = new MagickReadSettings
        {
            Format = MagickFormat.Pdf,
            Density = new Density(UploadLimits.PdfDensity),
            FrameIndex = 0,
            FrameCount = UploadLimits.MaxPdfPages + 1,
        };
        var pages = new MagickImageCollection();
        try
        {
            var watch = Stopwatch.StartNew();
            pages.Read(pdf, settings);
            if (pages.Count == 0)
            {
                pages.Dispose();
                return new RenderedPages(null, DocumentProblem.Unreadable);
            }

            if (pages.Count > UploadLimits.MaxPdfPages)
            {
                pages.Dispose();
                return new RenderedPages(null, DocumentProblem.TooManyPages);
            }

            if (watch.Elapsed.TotalSeconds > UploadLimits.PdfMaxSeconds)
            {
                pages.Dispose();
                return new RenderedPages(null, DocumentProblem.CannotShrink);
            }

            return new RenderedPages(pages, null);
        }
        catch (MagickException e)
        {
            pages.Dispose();
            // A broken PDF is "unreadable"; Ghostscript missing, refusing or hitting a limit means we cannot
            // shrink it here and the student gets the how-to-shrink-it-yourself message.
            return new RenderedPages(null, e is MagickCorruptImageErrorException ? DocumentProblem.Unreadable : DocumentProblem.CannotShrink);
        }
    }
}
