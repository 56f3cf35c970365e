using ImageMagick;

namespace Bot.Dialogs.Uploads;

/// <summary>
/// Turns a phone photo into an NIA ID photo: upright, metadata stripped, head centred and
/// ~75 % of the height, 413 × 531 px at 300 dpi, JPEG between 4 and 512 KB.
/// Never throws for a bad file: every failure is a <see cref="PhotoProblem"/>.
/// </summary>
public sealed class IdPhotoMaker
{
    private readonly IFaceFinder faceFinder;

    public IdPhotoMaker(IFaceFinder faceFinder)
    {
        this.faceFinder = faceFinder;
        ImagingSetup.Initialize();
    }

    /// <param name="source">The file as sent.</param>
    /// <param name="fileName">Ignored for decoding (the bytes decide the format); kept so callers pass what they have.</param>
    public PhotoResult Make(byte[] source, string? fileName)
    {
        try
        {
            return MakeCore(source);
        }
        catch (MagickException e)
        {
            return PhotoResult.Rejected(ToProblem(SafeImageLoader.Classify(e)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
        {
            return PhotoResult.Rejected(PhotoProblem.Unreadable);
        }
    }

    private PhotoResult MakeCore(byte[] source)
    {
        if (source.Length == 0)
        {
            return PhotoResult.Rejected(PhotoProblem.Unreadable);
        }

        if (source.Length > UploadLimits.MaxInputBytes)
        {
            return PhotoResult.Rejected(PhotoProblem.TooLarge);
        }

        var format = FormatSniffer.Detect(source);
        if (format is FileFormat.Unknown or FileFormat.Pdf)
        {
            return PhotoResult.Rejected(PhotoProblem.UnsupportedFormat);
        }

        var loaded = SafeImageLoader.Load(source, format, UploadLimits.PhotoDecodeLongSide);
        if (loaded.Image is null)
        {
            return PhotoResult.Rejected(ToProblem(loaded.Failure));
        }

        var image = loaded.Image;
        try
        {
            Upright(image);
            var problems = new List<PhotoProblem>();
            FaceBox? face = null;
            PixelRect crop;
            // Crop and face are reported in full-resolution source pixels, whatever size we decoded at.
            var toSource = 1 / loaded.DecodeScale;
            if (!faceFinder.IsAvailable)
            {
                crop = HeadCrop.Centred((int)image.Width, (int)image.Height);
                problems.Add(PhotoProblem.FaceFinderUnavailable);
            }
            else
            {
                var faces = FindFaces(image);
                if (faces.Count == 0)
                {
                    return PhotoResult.Rejected(PhotoProblem.NoFace);
                }

                if (faces.Count > 1)
                {
                    // Several candidates: keep those the detector is sure of. JPEG blocks and busy textures make weak
                    // false faces (even larger than the real one); refusing a good photo for one, or cropping around
                    // it, would send the student off to take it again. If none is sure, all stay candidates.
                    var confident = FindFaces(image, confident: true);
                    var confirmed = faces.Where(f => confident.Any(sure => sure.SameFaceAs(f))).ToList();
                    faces = confirmed.Count > 0 ? confirmed : faces;
                }

                var largest = faces.MaxBy(f => f.Width * f.Height);
                if (faces.Count(f => f.Width >= largest.Width * UploadLimits.SecondFaceMinRelativeSize) > 1)
                {
                    return PhotoResult.Rejected(PhotoProblem.SeveralFaces);
                }

                crop = HeadCrop.AroundFace(largest);
                if (crop.Height * UploadLimits.MaxSilentUpscale < UploadLimits.PhotoHeight && loaded.Downscaled)
                {
                    // The face is small in the frame: the decode-time downscale threw away pixels we need.
                    var full = SafeImageLoader.Load(source, format);
                    if (full.Image is not null)
                    {
                        largest = largest.Scale(1 / loaded.DecodeScale);
                        image.Dispose();
                        image = full.Image;
                        toSource = 1;
                        Upright(image);
                        crop = HeadCrop.AroundFace(largest);
                    }
                }

                face = largest;
            }

            if (crop.Height * UploadLimits.MaxUpscale < UploadLimits.PhotoHeight)
            {
                problems.Add(PhotoProblem.FaceTooSmall);
            }

            using var photo = Cut(image, crop);
            var scale = (double)UploadLimits.PhotoHeight / crop.Height;
            FaceBox? faceInPhoto = face is { } f0 ? new FaceBox(f0.X - crop.X, f0.Y - crop.Y, f0.Width, f0.Height).Scale(scale) : null;
            var rgb = new RgbImage((int)photo.Width, (int)photo.Height, photo.ToByteArray(MagickFormat.Rgb));
            problems.AddRange(PhotoQualityCheck.Check(rgb, faceInPhoto));

            photo.Density = new Density(UploadLimits.PhotoDpi, UploadLimits.PhotoDpi, DensityUnit.PixelsPerInch);
            var jpeg = JpegFitter.FitUnder(photo, UploadLimits.MaxUploadBytes, UploadLimits.PhotoQualities);
            if (jpeg is null || jpeg.Bytes.Length < UploadLimits.MinPhotoBytes)
            {
                // Under 4 KB is a blank frame, over 512 KB at quality 50 cannot happen at 413 × 531: both mean a broken input.
                return PhotoResult.Rejected(PhotoProblem.Unreadable);
            }

            var summaryKey = face is null ? UploadMessageKeys.PhotoDoneCentred : UploadMessageKeys.PhotoDone;
            var blocking = problems.Any(p => p.IsBlocking());
            return new PhotoResult(!blocking, jpeg.Bytes, (int)photo.Width, (int)photo.Height, problems, summaryKey,
                [(jpeg.Bytes.Length / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)],
                crop.Scale(toSource), face?.Scale(toSource), jpeg.Quality);
        }
        finally
        {
            image.Dispose();
        }
    }

    /// <summary>Applies the EXIF rotation, then drops EXIF (GPS, camera) and flattens transparency on white.</summary>
    private static void Upright(MagickImage image)
    {
        image.AutoOrient();
        if (image.HasAlpha)
        {
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
        }

        if (image.ColorSpace != ColorSpace.sRGB)
        {
            image.ColorSpace = ColorSpace.sRGB;
        }
    }

    private List<FaceBox> FindFaces(MagickImage image, bool confident = false)
    {
        using var small = (MagickImage)image.Clone();
        var longSide = Math.Max(image.Width, image.Height);
        if (longSide > UploadLimits.DetectionLongSide)
        {
            // Box averaging is the cheapest resize that does not alias fine texture into fake faces.
            small.Scale(new Percentage(100.0 * UploadLimits.DetectionLongSide / longSide));
        }

        small.Grayscale();
        small.Depth = 8;
        var gray = new GrayImage((int)small.Width, (int)small.Height, small.ToByteArray(MagickFormat.Gray));
        var back = (double)image.Width / small.Width;
        return [.. faceFinder.Find(gray, confident).Select(f => f.Scale(back))];
    }

    /// <summary>The crop scaled to 413 × 531; parts outside the source become white, like a wall.</summary>
    private static MagickImage Cut(MagickImage image, PixelRect crop)
    {
        var photo = new MagickImage(MagickColors.White, (uint)crop.Width, (uint)crop.Height);
        var x0 = Math.Max(0, crop.X);
        var y0 = Math.Max(0, crop.Y);
        var x1 = Math.Min((int)image.Width, crop.X + crop.Width);
        var y1 = Math.Min((int)image.Height, crop.Y + crop.Height);
        if (x1 > x0 && y1 > y0)
        {
            using var part = image.CloneArea(x0, y0, (uint)(x1 - x0), (uint)(y1 - y0));
            photo.Composite(part, x0 - crop.X, y0 - crop.Y, CompositeOperator.Over);
        }

        var icc = image.GetColorProfile();
        if (icc is not null && icc.ColorSpace == ColorSpace.sRGB && !IsSrgb(icc))
        {
            // Phone photos are often Display P3: convert, or stripping the profile would shift skin tones.
            photo.SetProfile(icc);
            photo.TransformColorSpace(ColorProfiles.SRGB);
        }

        photo.Resize(new MagickGeometry(UploadLimits.PhotoWidth, UploadLimits.PhotoHeight) { IgnoreAspectRatio = true });
        photo.Strip();
        return photo;
    }

    private static bool IsSrgb(IColorProfile icc) => icc.Description?.Contains("sRGB", StringComparison.OrdinalIgnoreCase) == true;

    private static PhotoProblem ToProblem(LoadFailure failure) => failure switch
    {
        LoadFailure.TooLarge => PhotoProblem.TooLarge,
        LoadFailure.UnsupportedFormat => PhotoProblem.UnsupportedFormat,
        _ => PhotoProblem.Unreadable,
    };
}
