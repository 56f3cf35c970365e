using QRCoder;

namespace Bot.Host.Dashboard;

/// <summary>
/// A school's link as a QR code, to print or put on orientation slides: PNG (20 px a module, ~700 px square for a
/// t.me link) and SVG (scales to any size). Error correction Q: still readable with a quarter of it smudged or covered.
/// </summary>
internal static class SchoolQrCode
{
    private const int PixelsPerModule = 20;

    public static byte[] Png(string link)
    {
        using var data = Data(link);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    public static string Svg(string link)
    {
        using var data = Data(link);
        return new SvgQRCode(data).GetGraphic(PixelsPerModule, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute, logo: null);
    }

    private static QRCodeData Data(string link)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.Q);
    }
}
