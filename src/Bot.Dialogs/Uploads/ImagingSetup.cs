using ImageMagick;
using ImageMagick.Configuration;

namespace Bot.Dialogs.Uploads;

/// <summary>
/// Process-wide Magick.NET settings: resource limits and a security policy that only lets
/// the formats we accept (plus the internal ones they need) through. Call once at start;
/// every pipeline class calls it again, which is a no-op.
/// </summary>
public static class ImagingSetup
{
    // Coders: what students may send, plus GRAY and RGB (pixels for face detection and photo checks) and XC (white
    // canvas). Everything else is refused by ImageMagick itself, whatever our sniffer thinks: SVG, MVG, MSL, TXT, URL,
    // and PDF, PS, EPS and the PNM family, which only Ghostscript would read (PDFs are rendered by GhostscriptRunner, in
    // a sandbox of its own, and come back as PNG). No delegate may run (not even "gs"). Paths: no "@file" indirection.
    private const string Policy = """
        <policymap>
          <policy domain="delegate" rights="none" pattern="*" />
          <policy domain="coder" rights="none" pattern="*" />
          <policy domain="coder" rights="read | write" pattern="{JPEG,JPG,PNG,BMP,HEIC,HEIF,WEBP,GRAY,RGB,XC}" />
          <policy domain="path" rights="none" pattern="@*" />
          <policy domain="path" rights="none" pattern="|*" />
        </policymap>
        """;

    private static readonly Lock Gate = new();
    private static bool initialized;

    /// <summary>Applies the policy and limits once; later calls return at once.</summary>
    public static void Initialize()
    {
        lock (Gate)
        {
            if (initialized)
            {
                return;
            }

            var files = ConfigurationFiles.Default;
            files.Policy.Data = Policy;
            MagickNET.Initialize(files);

            ResourceLimits.Width = UploadLimits.MaxSide;
            ResourceLimits.Height = UploadLimits.MaxSide;
            // Area is pixels kept in memory; with Memory it keeps one huge image from eating the VM.
            ResourceLimits.Area = (ulong)UploadLimits.MaxPixels;
            ResourceLimits.Memory = (ulong)UploadLimits.MagickMemoryBytes;
            ResourceLimits.Disk = (ulong)UploadLimits.MagickMemoryBytes;
            ResourceLimits.Time = UploadLimits.MagickTimeSeconds;
            initialized = true;
        }
    }
}
