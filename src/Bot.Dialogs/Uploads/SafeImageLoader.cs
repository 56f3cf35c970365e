using ImageMagick;

namespace Bot.Dialogs.Uploads;

/// <summary>A decoded image (owned by the caller) or why there is none.</summary>
internal sealed record LoadedImage(MagickImage? Image, LoadFailure Failure, double DecodeScale = 1)
{
    /// <summary>True when the JPEG was decoded below full size; a caller needing more pixels can load again without a hint.</summary>
    public bool Downscaled => DecodeScale < 0.999;

    public static LoadedImage Failed(LoadFailure failure) => new(null, failure);
}

/// <summary>
/// Decodes one raster image defensively: the format is forced to what the magic bytes said,
/// the dimensions are checked by a header-only ping before any pixel is allocated, JPEGs are
/// decoded already downscaled when the caller needs less, and "corrupt image" warnings count as failures.
/// </summary>
internal static class SafeImageLoader
{
    public static LoadedImage Load(byte[] bytes, FileFormat format, int? decodeLongSide = null)
    {
        var magickFormat = format switch
        {
            FileFormat.Jpeg => MagickFormat.Jpeg,
            FileFormat.Png => MagickFormat.Png,
            FileFormat.Bmp => MagickFormat.Bmp,
            FileFormat.Heif => MagickFormat.Heic,
            FileFormat.WebP => MagickFormat.WebP,
            _ => MagickFormat.Unknown,
        };
        if (magickFormat == MagickFormat.Unknown)
        {
            return LoadedImage.Failed(LoadFailure.UnsupportedFormat);
        }

        if (FormatSniffer.PngSize(bytes) is var (declaredWidth, declaredHeight) && !WithinLimits(declaredWidth, declaredHeight))
        {
            return LoadedImage.Failed(LoadFailure.TooLarge);
        }

        var settings = new MagickReadSettings { Format = magickFormat };
        MagickImage? image = null;
        try
        {
            var info = new MagickImageInfo(bytes, settings);
            if (info.Width == 0 || info.Height == 0)
            {
                return LoadedImage.Failed(LoadFailure.Unreadable);
            }

            if (!WithinLimits(info.Width, info.Height))
            {
                return LoadedImage.Failed(LoadFailure.TooLarge);
            }

            var longSide = Math.Max(info.Width, info.Height);
            if (format == FileFormat.Jpeg && decodeLongSide is int target && longSide > target)
            {
                // libjpeg decodes straight to the smallest 1/8..8/8 scale at least this size: far less work than decode-then-resize.
                var scale = (double)target / longSide;
                settings.SetDefine(MagickFormat.Jpeg, "size", $"{Math.Ceiling(info.Width * scale)}x{Math.Ceiling(info.Height * scale)}");
            }

            image = new MagickImage();
            var corrupt = false;
            image.Warning += (_, e) => corrupt |= e.Exception is MagickCorruptImageWarningException;
            image.Read(bytes, settings);
            if (corrupt || image.Width == 0 || image.Height == 0)
            {
                image.Dispose();
                return LoadedImage.Failed(LoadFailure.Unreadable);
            }

            return new LoadedImage(image, LoadFailure.None, (double)image.Width / info.Width);
        }
        catch (MagickException e)
        {
            image?.Dispose();
            return LoadedImage.Failed(Classify(e));
        }
    }

    private static bool WithinLimits(long width, long height) =>
        width is > 0 and <= UploadLimits.MaxSide && height is > 0 and <= UploadLimits.MaxSide && width * height <= UploadLimits.MaxPixels;

    /// <summary>Maps a Magick exception to the student-facing reason.</summary>
    internal static LoadFailure Classify(MagickException e) => e switch
    {
        MagickResourceLimitErrorException => LoadFailure.TooLarge,
        MagickPolicyErrorException or MagickMissingDelegateErrorException => LoadFailure.UnsupportedFormat,
        _ => LoadFailure.Unreadable,
    };
}
