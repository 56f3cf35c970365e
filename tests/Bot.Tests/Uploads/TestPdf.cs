using System.Globalization;
using System.Text;

namespace Bot.Tests.Uploads;

/// <summary>
/// Writes PDFs by hand (objects numbered from 1, a classic xref table), so tests need no PDF writer: ImageMagick's PDF
/// coder is switched off by the host's policy, as it must be.
/// </summary>
internal static class TestPdf
{
    /// <summary>Object 1 must be the catalog.</summary>
    public static byte[] Write(IReadOnlyList<byte[]> objects)
    {
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.4\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        offsets.ForEach(o => table.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n"));
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {objects.Count + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return pdf.ToArray();
    }

    /// <summary>A stream object: its dictionary entries (without Length) and its bytes.</summary>
    public static byte[] Stream(string dictionary, byte[] data) =>
        [.. Encoding.ASCII.GetBytes($"<<{dictionary}/Length {data.Length}>>stream\n"), .. data, .. "\nendstream"u8];

    public static byte[] Object(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>Pages each showing one RGB JPEG over the whole page, sized by its pixels at <paramref name="dpi"/>, as scanner apps write them.</summary>
    public static byte[] OfJpegPages(IReadOnlyList<(byte[] Jpeg, int Width, int Height)> pages, double dpi)
    {
        var objects = new List<byte[]>
        {
            Object("<</Type/Catalog/Pages 2 0 R>>"),
            Object($"<</Type/Pages/Kids[{string.Join(' ', pages.Select((_, i) => $"{3 + (3 * i)} 0 R"))}]/Count {pages.Count}>>"),
        };
        for (var i = 0; i < pages.Count; i++)
        {
            var (jpeg, width, height) = pages[i];
            var w = (width * 72 / dpi).ToString("0.##", CultureInfo.InvariantCulture);
            var h = (height * 72 / dpi).ToString("0.##", CultureInfo.InvariantCulture);
            var page = 3 + (3 * i);
            objects.Add(Object($"<</Type/Page/Parent 2 0 R/MediaBox[0 0 {w} {h}]/Resources<</XObject<</Im0 {page + 2} 0 R>>>>/Contents {page + 1} 0 R>>"));
            objects.Add(Stream(string.Empty, Encoding.ASCII.GetBytes($"q {w} 0 0 {h} 0 0 cm /Im0 Do Q")));
            objects.Add(Stream($"/Type/XObject/Subtype/Image/Width {width}/Height {height}/ColorSpace/DeviceRGB/BitsPerComponent 8/Filter/DCTDecode", jpeg));
        }

        return Write(objects);
    }

    /// <summary>Random bytes in an unreferenced stream: makes a PDF larger than 512 KB, so the pipeline has to render it.</summary>
    public static byte[] Padding(int bytes)
    {
        var padding = new byte[bytes];
        new Random(7).NextBytes(padding);
        return Stream(string.Empty, padding);
    }
}
