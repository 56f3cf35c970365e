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
/// The PDF is a stranger's file, and -dSAFER alone has been bypassed before, so Ghostscript also runs
/// <list type="bullet">
/// <item>with an empty environment (PATH and TMPDIR only): no bot token, LINE secret or dashboard key to read, and no
/// GS_OPTIONS or GS_LIB from the host to weaken it (GS_OPTIONS=-dNOSAFER would switch SAFER off);</item>
/// <item>with TMPDIR set to its own private folder: SAFER lets Ghostscript read its temporary folder, and the shared
/// /tmp holds other students' documents being converted at the same moment;</item>
/// <item>under kernel limits set by prlimit (util-linux): address space (a 400 KB PDF can ask for gigabytes), CPU
/// time, and the size of any file it writes (each page);</item>
/// <item>on a fixed A4 page that every PDF page is scaled into, so a page declared 5 metres wide renders as
/// 1240 × 1754 pixels instead of a billion-pixel bitmap;</item>
/// <item>for at most the first <c>lastPage</c> pages.</item>
/// </list>
/// </summary>
internal static class GhostscriptRunner
{
    private const string Ghostscript = "gs";
    private const string Prlimit = "prlimit";

    /// <summary>Where gs and prlimit live on Debian and Ubuntu; nothing else is on the child's PATH.</summary>
    private const string ChildPath = "/usr/local/bin:/usr/bin:/bin";

    /// <summary>Address space of the Ghostscript process: a 10-page 150 dpi scan needs well under 100 MB.</summary>
    internal const long MaxMemoryBytes = 512L * 1024 * 1024;

    /// <summary>Largest file Ghostscript may write: an A4 page at 150 dpi is 6.5 MB of pixels before PNG compression.</summary>
    internal const long MaxPageFileBytes = 16L * 1024 * 1024;

    /// <summary>Every page is scaled to fit this paper (A4 portrait).</summary>
    private const string PaperSize = "a4";

    public static GhostscriptPages Render(byte[] pdf, int density, int lastPage, TimeSpan limit)
    {
        // A private folder for the input and the pages; removed whatever happens (it holds a student's document).
        var folder = Directory.CreateTempSubdirectory("arc-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            using var process = Process.Start(StartInfo(folder.FullName, input, density, lastPage, limit))!;

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

            var files = folder.GetFiles("p*.png").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

            // A page cut off at the file size limit is no page (Ghostscript is stopped by SIGXFSZ while writing it).
            if (files.Any(f => f.Length >= MaxPageFileBytes))
            {
                return new GhostscriptPages([], DocumentProblem.CannotShrink);
            }

            var pages = files.Select(f => File.ReadAllBytes(f.FullName)).ToList();
            return pages.Count > 0 ? new GhostscriptPages(pages, null) : new GhostscriptPages([], DocumentProblem.Unreadable);
        }
        catch (Win32Exception)
        {
            // prlimit or Ghostscript is not installed: we cannot convert it here; the student gets the do-it-yourself advice.
            return new GhostscriptPages([], DocumentProblem.CannotShrink);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ProcessStartInfo StartInfo(string folder, string input, int density, int lastPage, TimeSpan limit)
    {
        var start = new ProcessStartInfo(Prlimit)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };

        // Nothing of the host's environment reaches Ghostscript.
        start.Environment.Clear();
        start.Environment["PATH"] = ChildPath;
        start.Environment["TMPDIR"] = folder;

        var cpuSeconds = (long)Math.Ceiling(limit.TotalSeconds) + 5;
        foreach (var argument in (string[])[
            "--as=" + MaxMemoryBytes.ToString(CultureInfo.InvariantCulture),
            "--fsize=" + MaxPageFileBytes.ToString(CultureInfo.InvariantCulture),
            "--cpu=" + cpuSeconds.ToString(CultureInfo.InvariantCulture),
            "--core=0",
            "--",
            Ghostscript,
            "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-dNOPROMPT", "-sDEVICE=png16m",
            "-sPAPERSIZE=" + PaperSize, "-dFIXEDMEDIA", "-dPDFFitPage",
            "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4",
            "-r" + density.ToString(CultureInfo.InvariantCulture),
            "-dFirstPage=1", "-dLastPage=" + lastPage.ToString(CultureInfo.InvariantCulture),
            "-sOutputFile=" + Path.Combine(folder, "p%03d.png"),
            input])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
