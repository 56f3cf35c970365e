using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Bot.Tests.Uploads;
using ImageMagick;

namespace Bot.Tests.Telegram;

[Collection(RedisCollection.Name)]
public sealed class TelegramUploadTests(RedisFixture redis) : TelegramHostTest(redis)
{
    private static Task<TelegramStudent> AtThePhotoStep(TelegramStudent student) =>
        student.Say("/start").Press("lang:en").Press("v:ext").Register("nguyen")
            .Press("go:next").Press("go:next").Press("go:next")
            .Say("A800000005").Press("v:master").Press("v:studying").Say("NTU").Press("v:registered").Press("v:1").Press("v:no").Press("v:no");

    [Fact]
    public async Task TurnsAPhoneSnapshotIntoAnNiaIdPhotoSentBackAsAFile()
    {
        var student = await AtThePhotoStep(new TelegramStudent(Telegram, 8001));
        using var wall = TestImages.AstronautOnWhiteWall();

        await student.Send((t, id) => t.EnqueuePhoto(id, TestImages.Jpeg(wall)));

        var sent = Assert.Single(student.Transcript, c => c.Method == "sendDocument");
        Assert.Equal("photo.jpg", sent.Document!.FileName);
        Assert.InRange(sent.Document.Bytes.Length, 4 * 1024, 512 * 1024);
        using var photo = new MagickImage(sent.Document.Bytes);
        Assert.Equal((413u, 531u), (photo.Width, photo.Height));
        Assert.Contains("35×45 mm", sent.Text, StringComparison.Ordinal);
        Assert.NotNull(sent.Parameters["thumbnail"]);
        var preview = Assert.Single(sent.Files, f => f.FileName == "preview.jpg");
        using var small = new MagickImage(preview.Bytes);
        Assert.True(small.Width <= 320 && small.Height <= 320);
        Assert.Empty(Telegram.Violations);
    }

    [Fact]
    public async Task ExplainsACorruptFileAndStaysAtTheSameStep()
    {
        var student = await AtThePhotoStep(new TelegramStudent(Telegram, 8002));

        await student.Send((t, id) => t.EnqueueDocument(id, TestImages.Read("corrupt-truncated.jpg"), "me.jpg", "image/jpeg"));

        Assert.Contains("can't open this file", student.LastAnswer, StringComparison.Ordinal);
        Assert.Contains("Send a photo of yourself", student.LastAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain(student.Transcript, c => c.Method == "sendDocument");
        Assert.DoesNotContain(student.Transcript, c => c.CallbackData.Any(d => d.StartsWith("input:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ShrinksABigScanUnder512KilobytesNamedForItsSlot()
    {
        var student = await AtThePhotoStep(new TelegramStudent(Telegram, 8003)).Press("go:next").Press("go:next");
        using var scan = TestImages.NoisyScan();
        scan.Format = MagickFormat.Png;
        var bytes = scan.ToByteArray();
        Assert.True(bytes.Length > 512 * 1024);

        await student.Send((t, id) => t.EnqueueDocument(id, bytes, "passport-scan.png", "image/png"));

        var sent = Assert.Single(student.Transcript, c => c.Method == "sendDocument");
        Assert.Equal("2-passport.jpg", sent.Document!.FileName);
        Assert.True(sent.Document.Bytes.Length <= 512 * 1024);

        await student.Press("go:next").Press("go:next").Press("go:next");
        Assert.Contains("✅ 2. Passport data page", student.LastAnswer, StringComparison.Ordinal);
        Assert.Contains("□ 1. ARC", student.LastAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MakesAnAlbumOneStep()
    {
        var student = await AtThePhotoStep(new TelegramStudent(Telegram, 8004)).Press("go:next");
        var page = TestImages.Read("scanned-page.png");

        await student.Send((t, id) => t.EnqueueDocument(id, page, "front.png", "image/png"));
        var before = student.Transcript.Count;
        var first = Telegram.EnqueuePhoto(8004, TestImages.Jpeg(TestImages.Astronaut()), mediaGroupId: "album-1");
        var second = Telegram.EnqueuePhoto(8004, TestImages.Jpeg(TestImages.Astronaut()), mediaGroupId: "album-1");
        await Telegram.WaitUntilAsync(t => t.ConfirmedOffset > second, TelegramStudent.Patience);

        var after = student.Transcript.Skip(before).ToList();
        Assert.Equal(1, after.Count(c => c.Text?.Contains("Send 1. ARC", StringComparison.Ordinal) == true));
        Assert.Equal(2, after.Count(c => c.Method == "sendDocument"));
        Assert.Contains("3 files", after.Last(c => c.Method == "sendMessage").Text, StringComparison.Ordinal);
        Assert.True(first < second);
    }

    [Fact]
    public async Task APhotoBeingProcessedWhenTheHostStopsIsAnsweredAfterTheRestartWithoutWaitingForTheLease()
    {
        var student = await AtThePhotoStep(new TelegramStudent(Telegram, 8010));
        using var wall = TestImages.AstronautOnWhiteWall();
        Telegram.HoldDownloads();
        Telegram.EnqueuePhoto(8010, TestImages.Jpeg(wall));
        await Telegram.WaitUntilAsync(t => t.DownloadsStarted > 0, TelegramStudent.Patience);

        // SIGTERM in the middle of the photo: the cancelled turn gives the student back at once (an upload turn holds them
        // for up to 2 minutes; the next host used to wait for that, give up after 35 s and drop the photo).
        await Host.StopAsync();
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        Assert.False(await connection.GetDatabase().KeyExistsAsync(Bot.Host.Storage.StudentStore.LeaseKey(new("tg", "8010"))));

        Telegram.ReleaseDownloads();
        await RestartHostAsync();

        await Telegram.WaitUntilAsync(t => t.Transcript(8010).Any(c => c.Method == "sendDocument"), TelegramStudent.Patience);
        Assert.Equal("photo.jpg", Assert.Single(Telegram.Transcript(8010), c => c.Method == "sendDocument").Document!.FileName);
    }

    [Fact]
    public async Task OneSlowUploadDoesNotHoldOtherStudentsAndIsConfirmedOnlyOnceDone()
    {
        var student = await AtThePhotoStep(new TelegramStudent(Telegram, 8011));
        using var wall = TestImages.AstronautOnWhiteWall();
        Telegram.HoldDownloads();
        var photo = Telegram.EnqueuePhoto(8011, TestImages.Jpeg(wall));
        await Telegram.WaitUntilAsync(t => t.DownloadsStarted > 0, TelegramStudent.Patience);

        // Another student writes while the photo is still downloading: answered now, not after the photo.
        var other = Telegram.EnqueueCommand(8012, "/help");
        await Telegram.WaitForCallsAsync(8012, 1, TelegramStudent.Patience);
        Assert.DoesNotContain(student.Transcript, c => c.Method == "sendDocument");
        Assert.True(Telegram.ConfirmedOffset <= photo, "the photo's update was confirmed before it was handled");

        Telegram.ReleaseDownloads();
        await Telegram.WaitUntilAsync(t => t.ConfirmedOffset > other, TelegramStudent.Patience);
        Assert.Single(student.Transcript, c => c.Method == "sendDocument");
    }
}
