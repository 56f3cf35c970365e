using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Bot.Dialogs.Uploads;
using ImageMagick;

namespace Bot.Tests.Uploads;

/// <summary>Test inputs made in code from the files in TestData, so each variant's ground truth is known.</summary>
internal static class TestImages
{
    // Measured by eye on a 10 px grid over portrait-astronaut.png (512 × 512): top of hair, bottom of chin, nose line.
    public const double AstronautCrownY = 15;
    public const double AstronautChinY = 180;
    public const double AstronautFaceCenterX = 225;

    static TestImages() => ImagingSetup.Initialize();

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public static MagickImage Astronaut() => new(Read("portrait-astronaut.png"));

    public static byte[] Jpeg(MagickImage image, uint quality = 90)
    {
        image.Quality = quality;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>The astronaut enlarged <paramref name="scale"/> times at (x, y) on a plain canvas.</summary>
    public static MagickImage OnCanvas(MagickColor background, int width, int height, int x, int y, double scale)
    {
        using var astronaut = Astronaut();
        astronaut.Resize(new Percentage(scale * 100));
        var canvas = new MagickImage(background, (uint)width, (uint)height);
        canvas.Composite(astronaut, x, y, CompositeOperator.Over);
        return canvas;
    }

    /// <summary>The astronaut with her mottled studio backdrop flood-filled white: a "white wall" photo.</summary>
    public static MagickImage AstronautOnWhiteWall()
    {
        var image = Astronaut();
        image.ColorFuzz = new Percentage(12);
        foreach (var (x, y) in new[] { (150, 30), (300, 30), (140, 100), (310, 100), (224, 5) })
        {
            image.FloodFill(MagickColors.White, x, y);
        }

        return image;
    }

    /// <summary>A PNG header claiming 20000 × 20000 with ~50 KB of zlib zeros behind it: a decompression bomb.</summary>
    public static byte[] PngBomb()
    {
        const int side = 20_000;
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, side);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), side);
        ihdr[8] = 1; // bit depth 1, greyscale: 2,501 bytes a row
        WriteChunk(output, "IHDR", ihdr);
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[(side / 8) + 1];
                for (var i = 0; i < side; i++)
                {
                    z.Write(row);
                }
            }

            WriteChunk(output, "IDAT", raw.ToArray());
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    public static byte[] RenamedDocx()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document><w:body><w:p>hello</w:p></w:body></w:document>");
        }

        return output.ToArray();
    }

    public static byte[] Svg() =>
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"500\"><rect width=\"400\" height=\"500\" fill=\"white\"/></svg>");

    /// <summary>scanned-page.png enlarged 8× with scanner-like noise: a PNG of about 3 MB, 3072 px wide.</summary>
    public static MagickImage NoisyScan()
    {
        var scan = new MagickImage(Read("scanned-page.png"));
        scan.Resize(new Percentage(800));
        scan.AddNoise(NoiseType.Gaussian, 0.6);
        return scan;
    }

    /// <summary>A PDF of A4 pages at 150 dpi; <paramref name="noisy"/> pages are scans that do not compress.</summary>
    public static byte[] Pdf(int pages, bool noisy)
    {
        var images = new List<(byte[] Jpeg, int Width, int Height)>();
        for (var i = 0; i < pages; i++)
        {
            using var page = noisy ? new MagickImage(Read("scanned-page.png")) : new MagickImage(MagickColors.White, 124, 175);
            if (noisy)
            {
                page.Resize(new MagickGeometry(1240, 1754) { IgnoreAspectRatio = true });
                page.AddNoise(NoiseType.Gaussian, 0.4);
            }

            // JPEG inside the PDF, as scanner apps write: ~300 KB a noisy page instead of ~2 MB. Three channels, as declared.
            page.ColorType = ColorType.TrueColor;
            images.Add((Jpeg(page, 85), (int)page.Width, (int)page.Height));
        }

        return TestPdf.OfJpegPages(images, noisy ? 150 : 15);
    }

    /// <summary>
    /// A one-page PDF over 512 KB (so it must be rendered) whose page is 100,000 full-page strokes: over a minute of
    /// Ghostscript on this machine. A small Flate stream, plus an unreferenced stream of random bytes for the size.
    /// </summary>
    public static byte[] SlowPdf()
    {
        using var content = new MemoryStream();
        using (var zlib = new ZLibStream(content, CompressionLevel.Fastest, leaveOpen: true))
        {
            var stroke = "0 0 m 595 842 l S\n"u8.ToArray();
            for (var i = 0; i < 100_000; i++)
            {
                zlib.Write(stroke);
            }
        }

        return TestPdf.Write(
        [
            "<</Type/Catalog/Pages 2 0 R>>"u8.ToArray(),
            "<</Type/Pages/Kids[3 0 R]/Count 1>>"u8.ToArray(),
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>"u8.ToArray(),
            TestPdf.Stream("/Filter/FlateDecode", content.ToArray()),
            TestPdf.Padding(600_000),
        ]);
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, System.IO.Hashing.Crc32.HashToUInt32(typeAndData));
        output.Write(crc);
    }
}
