using Bot.Host.Printing;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using Bot.Tests.Uploads;
using PdfSharp.Pdf.IO;
using StackExchange.Redis;

namespace Bot.Tests.Telegram;

/// <summary>The printable summary carries the student's prepared ID photo while the bot keeps it: until filed, 7 days at most.</summary>
[Collection(RedisCollection.Name)]
public sealed class PrintablePhotoTests(RedisFixture redis) : TelegramHostTest(redis)
{
    private const long Chat = 8_301;

    [Fact]
    public async Task ThePdfShowsThePreparedPhotoUntilTheApplicationIsFiled()
    {
        using var wall = TestImages.AstronautOnWhiteWall();
        var student = await new TelegramStudent(Telegram, Chat).Say("/start").Press("lang:en").Press("v:ext").Register("nguyen")
            .Press("go:next").Press("go:next").Press("go:next")
            .Say("A800000005").Press("v:master").Press("v:studying").Say("國立臺灣大學").Press("v:registered").Press("v:1").Press("v:no").Press("v:no")
            .Then(s => s.Send((t, id) => t.EnqueuePhoto(id, TestImages.Jpeg(wall))));
        var photo = Assert.Single(student.Transcript, c => c.Method == "sendDocument" && c.Document?.FileName == "photo.jpg").Document!.Bytes;

        // The photo is kept sealed under the student's hash tag: no JPEG in Redis, no expiry beyond a week.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var key = PreparedPhotoStore.Key(new StudentKey("tg", Chat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var kept = (byte[])(await redis.GetDatabase().StringGetAsync(key))!;
        Assert.False(kept.AsSpan().IndexOf(photo.AsSpan(0, 64)) >= 0, "the photo is stored in clear");
        Assert.NotEqual(0xFF, kept[0]);
        Assert.InRange(kept.Length, 1_000, 40_000);
        Assert.InRange((await redis.GetDatabase().KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromDays(6), TimeSpan.FromDays(7));

        await student.Press("go:next").Press("go:next").Press("go:next").Press("go:next").Press("go:next")
            .Say("2031-05-31").Say("2027-01-31").Press("v:bachelor").Say("國立臺灣大學").Say("2").Press("v:single").Say("0912345678")
            .Press("v:TPE").Say("大安區").Press("nav:skip").Press("nav:skip").Say("羅斯福路四段").Press("nav:skip").Press("nav:skip").Say("1號")
            .Say("王小明").Press("nav:skip").Say("02-33663366").Press("v:TW").Press("v:counter").Press("v:TPE")
            .Press("rev:ok");

        var withPhoto = LastPdf(student);
        Assert.Equal(1, Images(withPhoto));

        // Filed: the NIA has the photo now, so the bot lets it go, and the PDF asked for later has none.
        await student.Say("104522736210");
        Assert.False(await redis.GetDatabase().KeyExistsAsync(key));
        await student.Say("/pdf");
        var later = LastPdf(student);
        Assert.NotSame(withPhoto, later);
        Assert.Equal(0, Images(later));
        Assert.Empty(Telegram.Violations);
    }

    [Fact]
    public async Task DeleteTakesTheKeptPhotoToo()
    {
        using var wall = TestImages.AstronautOnWhiteWall();
        var student = await new TelegramStudent(Telegram, Chat + 1).Say("/start").Press("lang:en").Press("v:ext").Register("nguyen")
            .Press("go:next").Press("go:next").Press("go:next")
            .Say("A800000005").Press("v:master").Press("v:studying").Say("國立臺灣大學").Press("v:registered").Press("v:1").Press("v:no").Press("v:no")
            .Then(s => s.Send((t, id) => t.EnqueuePhoto(id, TestImages.Jpeg(wall))));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var key = PreparedPhotoStore.Key(new StudentKey("tg", (Chat + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(await redis.GetDatabase().KeyExistsAsync(key));

        await student.Say("/delete").Press("del:yes");

        Assert.False(await redis.GetDatabase().KeyExistsAsync(key));
    }

    private static byte[] LastPdf(TelegramStudent student) =>
        student.Transcript.Last(c => c.Method == "sendDocument" && c.Document?.FileName == "summary.pdf").Document!.Bytes;

    /// <summary>Image XObjects in the PDF (PDFsharp writes the JPEG as is: DCTDecode).</summary>
    private static int Images(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return document.Pages.Cast<PdfSharp.Pdf.PdfPage>()
            .Sum(p => p.Resources.Elements.GetDictionary("/XObject")?.Elements.Count ?? 0);
    }
}
