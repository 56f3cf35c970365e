using ImageMagick;

namespace Bot.Dialogs.Uploads;

/// <summary>Pages rendered from a PDF (owned by the caller) or why there are none.</summary>
internal sealed record RenderedPages(MagickImageCollection? Pages, DocumentProblem? Problem);

/// <summary>
/// Renders at most <see cref="UploadLimits.MaxPdfPages"/> + 1 pages through Ghostscript (<see cref="GhostscriptRunner"/>,
/// killed at the time limit), at <see cref="UploadLimits.PdfDensity"/> dpi: one page more than allowed tells "too many
/// pages" without rendering a 300-page file.
/// </summary>
internal static class PdfRasterizer
{
    public static RenderedPages Render(byte[] pdf, TimeSpan limit)
    {
        if (PdfPageCounter.CountVisiblePages(pdf) > UploadLimits.MaxPdfPages)
        {
            return new RenderedPages(null, DocumentProblem.TooManyPages);
        }

        var rendered = GhostscriptRunner.Render(pdf, UploadLimits.PdfDensity, UploadLimits.MaxPdfPages + 1, limit);
        if (rendered.Problem is { } problem)
        {
            return new RenderedPages(null, problem);
        }

        if (rendered.Pages.Count > UploadLimits.MaxPdfPages)
        {
            return new RenderedPages(null, DocumentProblem.TooManyPages);
        }

        var pages = new MagickImageCollection();
        try
        {
            foreach (var png in rendered.Pages)
            {
                var page = new MagickImage(png, MagickFormat.Png);
                page.Density = new Density(UploadLimits.PdfDensity);
                pages.Add(page);
            }

            return new RenderedPages(pages, null);
        }
        catch (MagickException)
        {
            // Pages beyond Magick's limits (an absurd page size): nothing we can shrink here.
            pages.Dispose();
            return new RenderedPages(null, DocumentProblem.CannotShrink);
        }
    }
}
