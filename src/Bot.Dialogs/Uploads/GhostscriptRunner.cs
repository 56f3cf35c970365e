using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Bot.Dialogs.Uploads;

/// <summary>What a Ghostscript run gave: the pages as PNG bytes, or why there are none.</summary>
internal sealed record GhostscriptPages(IReadOnlyList<byte[]> Pages, DocumentProblem? Problem);

/// <summary>
/// Renders PDF pages with the system's Ghostscript as a child process that is killed at a deadline. Magick.NET would
/// start the same program but wait for it without limit, so one PDF built to take minutes (a page of millions of
/// strokes) would hold an upload slot, and every student's uploads behind it, for as long as it runs.
/// </summary>
internal static class GhostscriptRunner
{
    private const string Program = "gs";

    public static GhostscriptPages Render(byte[] pdf, int density, int lastPage, TimeSpan limit)
    {
        // A private folder for the input and the pages; removed whatever happens (it holds a student's document).
        var folder = Directory.CreateTempSubdirectory("arc-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo(Program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[
                "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-dNOPROMPT", "-sDEVICE=png16m",
                "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4",
                "-r" + density.ToString(CultureInfo.InvariantCulture),
                "-dFirstPage=1", "-dLastPage=" + lastPage.ToString(CultureInfo.InvariantCulture),
                "-sOutputFile=" + Path.Combine(folder.FullName, "p%03d.png"),
                input])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            // Drained so a chatty Ghostscript never blocks on a full pipe; what it says is not needed.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new GhostscriptPages([], DocumentProblem.CannotShrink);
            }

            var pages = folder.GetFiles("p*.png").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => File.ReadAllBytes(f.FullName)).ToList();
            return pages.Count > 0 ? new GhostscriptPages(pages, null) : new GhostscriptPages([], DocumentProblem.Unreadable);
        }
        catch (Win32Exception)
        {
            // Ghostscript is not installed: we cannot convert it here; the student gets the do-it-yourself advice.
            return new GhostscriptPages([], DocumentProblem.CannotShrink);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
