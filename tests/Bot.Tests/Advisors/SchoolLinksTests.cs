using System.Net;
using System.Text.Json.Nodes;
using Bot.Tests.Infrastructure;
using ImageMagick;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Bot.Tests.Advisors;

/// <summary>The dashboard's school links: each school's t.me link with its QR code, which a phone's camera reads back.</summary>
[Collection(RedisCollection.Name)]
public sealed class SchoolLinksTests(RedisFixture redis)
{
    private static readonly Dictionary<string, string?> Schools = new()
    {
        ["Schools:0:Id"] = "ntu",
        ["Schools:0:Name"] = "國立臺灣大學",
        ["Schools:1:Id"] = "csu",
        ["Schools:1:Name"] = "正修科技大學",
    };

    [Fact]
    public async Task EachSchoolsQrCodeReadsBackAsItsTelegramLink()
    {
        await redis.FlushAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram, overrides: Schools);
        var cookie = await host.LoginAsync();

        using var list = await host.SendAsync(HttpMethod.Get, "/dashboard/api/schools", cookie);
        var body = JsonNode.Parse(await list.Content.ReadAsStringAsync())!;
        Assert.Equal(telegram.BotUsername, (string?)body["botUsername"]);
        var csu = body["schools"]!.AsArray().Single(s => (string?)s!["id"] == "csu")!;
        Assert.Equal($"https://t.me/{telegram.BotUsername}?start=csu", (string?)csu["link"]);

        using var png = await host.SendAsync(HttpMethod.Get, (string)csu["png"]!, cookie);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"https://t.me/{telegram.BotUsername}?start=csu", Decode(await png.Content.ReadAsByteArrayAsync()));

        using var svg = await host.SendAsync(HttpMethod.Get, (string)csu["svg"]!, cookie);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        // The SVG draws the same modules (ImageMagick's policy here refuses to read SVG, so it is checked as XML).
        var drawing = System.Xml.Linq.XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("svg", drawing.Name.LocalName);
        Assert.NotNull(drawing.Attribute("viewBox"));
        Assert.Contains(drawing.Descendants(), e => e.Name.LocalName is "rect" or "path");
    }

    [Fact]
    public async Task TheCodesNeedASignedInAdvisorAndAConfiguredSchool()
    {
        await redis.FlushAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram, overrides: Schools);
        var cookie = await host.LoginAsync();

        using var anonymous = await host.Http.GetAsync(new Uri("/dashboard/api/schools/ntu/qr.png", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var unknown = await host.SendAsync(HttpMethod.Get, "/dashboard/api/schools/elsewhere/qr.png", cookie);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AHostWithoutATelegramTokenShowsTheLinksOfTheConfiguredUsername()
    {
        await redis.FlushAsync();
        await using var host = await AdvisorTestHost.StartAsync(redis, overrides: new Dictionary<string, string?>(Schools) { ["Telegram:BotUsername"] = "ArcHelperBot" });
        var cookie = await host.LoginAsync();

        using var png = await host.SendAsync(HttpMethod.Get, "/dashboard/api/schools/ntu/qr.png", cookie);

        Assert.Equal("https://t.me/ArcHelperBot?start=ntu", Decode(await png.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>Reads a QR code from an image with ZXing, as a phone's camera app would.</summary>
    private static string Decode(byte[] image)
    {
        using var picture = new MagickImage(image);
        var rgb = picture.GetPixels().ToByteArray(PixelMapping.RGB)!;
        var source = new RGBLuminanceSource(rgb, (int)picture.Width, (int)picture.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(result);
        return result.Text;
    }
}
