using System.Buffers.Binary;
using System.Text;

namespace Bot.Dialogs.Uploads;

/// <summary>
/// Tells the format from magic bytes before any decoder sees the file, so a renamed .docx,
/// an SVG or a script never reaches ImageMagick's own (much broader) format guessing.
/// </summary>
public static class FormatSniffer
{
    // HEIF brands of iPhone and Android photos; "avif" is deliberately absent (not on NIA's list, rare from phones).
    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    // BITMAPINFOHEADER sizes a real BMP has at offset 14; "BM" alone is too common a text start.
    private static readonly int[] BmpHeaderSizes = [12, 40, 52, 56, 64, 108, 124];

    /// <summary>
    /// A PNG's declared size, straight from IHDR: libpng refuses huge sizes with a generic "invalid IHDR"
    /// error, and we want to say "too large" rather than "unreadable" for a decompression bomb.
    /// </summary>
    public static (int Width, int Height)? PngSize(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && Detect(b) == FileFormat.Png && b[12..16].SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadInt32BigEndian(b[16..20]), BinaryPrimitives.ReadInt32BigEndian(b[20..24]))
            : null;

    public static FileFormat Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return FileFormat.Jpeg;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileFormat.Png;
        }

        if (b.StartsWith("%PDF-"u8))
        {
            return FileFormat.Pdf;
        }

        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return FileFormat.WebP;
        }

        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8) && HeifBrands.Contains(Encoding.ASCII.GetString(b[8..12])))
        {
            return FileFormat.Heif;
        }

        if (b.Length >= 18 && b[0] == (byte)'B' && b[1] == (byte)'M' && BmpHeaderSizes.Contains(BitConverter.ToInt32(b[14..18])))
        {
            return FileFormat.Bmp;
        }

        return FileFormat.Unknown;
    }
}
