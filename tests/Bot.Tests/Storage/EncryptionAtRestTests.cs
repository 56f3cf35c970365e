using System.Text;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line;
using Bot.Tests.Uploads;
using ImageMagick;

namespace Bot.Tests.Storage;

/// <summary>
/// A complete application on LINE (the channel whose photos and scans are stored for download), with an advisor question,
/// on a Redis that writes every command to its append-only file: neither Redis nor that file shows the student's name,
/// passport or UI number, birth date, phone, e-mail, address, receipt number, photo or scan.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class EncryptionAtRestTests(RedisFixture redis) : LineHostTest(redis)
{
    private RedisServer server = null!;

    protected override string RedisConnectionString => server.ConnectionString;

    public override async Task InitializeAsync()
    {
        server = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = true, AppendFsync = "always" });
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task NothingAStudentSentOrGotCanBeReadInRedisOrItsAppendOnlyFile()
    {
        using var wall = TestImages.AstronautOnWhiteWall();
        var upload = TestImages.Jpeg(wall);
        using var noisy = TestImages.NoisyScan();
        noisy.Format = MagickFormat.Png;
        var scan = noisy.ToByteArray();
        var student = await (await FollowAsync("en")).Press("lang:en").Then(s => s.Press("v:ext")).Register().ExtensionRequest();

        Platform.AddContent("photo-1", upload, "image/jpeg");
        await student.Send(Platform.Image(student.UserId, "photo-1"));
        var photo = await DownloadAsync(student, "image");
        await student.Press("go:next").Then(s => s.Press("go:next"));
        Platform.AddContent("scan-1", scan, "image/png");
        await student.Send(Platform.File(student.UserId, "scan-1", "passport-scan.png"));
        var preparedScan = await DownloadAsync(student, "image");
        await Task.FromResult(student).Press("go:next").Press("go:next").Press("go:next").PersonalData().Press("rev:ok");
        Assert.Contains("A800000005", student.LastAnswer, StringComparison.Ordinal);
        await student.Say("104522736210");
        await student.Say("/ask");
        await student.Say("Is my passport C1234567 still fine for the extension?");

        var contents = await RedisContents.ReadAsync(server.ConnectionString);
        var appendOnly = RedisContents.AppendOnlyFile(server.DataDirectory);
        Assert.Contains(contents.Keys, k => k.StartsWith("st:{line:", StringComparison.Ordinal));
        Assert.Contains(contents.Keys, k => k.StartsWith("adv:msgs:", StringComparison.Ordinal));
        Assert.Contains(contents.Keys, k => k.StartsWith("file:", StringComparison.Ordinal));
        Assert.NotEmpty(appendOnly);

        string[] personal = ["NGUYEN", "nguyen", "VAN AN", "C1234567", "c1234567", "A800000005", "2001-09-23", "0912345678", "912 345 678",
            "an.nguyen@example.com", "羅斯福路四段", "王小明", "104522736210"];
        foreach (var value in personal)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Assert.True(contents.KeysHolding(bytes).Count == 0, $"'{value}' is readable in {string.Join(", ", contents.KeysHolding(bytes))}");
            Assert.True(appendOnly.AsSpan().IndexOf(bytes) < 0, $"'{value}' is readable in the append-only file");
        }

        foreach (var (what, bytes) in new[] { ("the uploaded photo", upload), ("the ID photo", photo), ("the scan", scan), ("the prepared scan", preparedScan) })
        {
            var slice = bytes.AsSpan(bytes.Length / 2, 256).ToArray();
            Assert.True(contents.KeysHolding(slice).Count == 0, $"{what} is readable in {string.Join(", ", contents.KeysHolding(slice))}");
            Assert.True(appendOnly.AsSpan().IndexOf(slice) < 0, $"{what} is readable in the append-only file");
        }

        // And the bot itself still reads all of it back.
        var record = await Host.Services.GetRequiredService<StudentStore>().ReadAsync(new("line", student.UserId));
        Assert.Equal("NGUYEN", Bot.Dialogs.Conversation.StudentStateJson.Deserialize(record!).Answer("surname"));
        var thread = await Host.Services.GetRequiredService<Bot.Host.Advisors.AdvisorInbox>().MessagesAsync(new("line", student.UserId));
        Assert.Contains(thread, m => m.Text.Contains("C1234567", StringComparison.Ordinal));
    }

    /// <summary>The file the bot's last answer links to, as the student (or LINE) downloads it.</summary>
    private async Task<byte[]> DownloadAsync(LineStudent student, string type)
    {
        var message = student.LastMessages.Last(m => m.Type == type);
        using var http = new HttpClient();
        return await http.GetByteArrayAsync(Host.Url(new Uri((string)message.Message["originalContentUrl"]!).AbsolutePath));
    }
}
