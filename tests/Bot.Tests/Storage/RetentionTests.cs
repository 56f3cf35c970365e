using System.Net;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Bot.Host.Files;
using Bot.Host.Reminders;
using Bot.Host.Retention;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line;
using Bot.Tests.Uploads;
using ImageMagick;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Storage;

/// <summary>
/// Keep what a case needs and no more, on a fake clock: a LINE student's prepared photo and scan go once fetched (within
/// the hour) and when the case is complete; a collected case's personal fields go <c>Retention:CollectedCaseDays</c>
/// after collection, the ARC's expiry and the reminders stay.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RetentionTests(RedisFixture redis) : LineHostTest(redis)
{
    private const int KeptDays = 10;

    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Retention:CollectedCaseDays"] = KeptDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(time);

    [Fact]
    public async Task AFetchedFileStaysAtMostAnHourAndEveryFileGoesWhenTheCaseIsComplete()
    {
        var (student, links) = await SubmittedWithFilesAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var db = connection.GetDatabase();
        var key = new StudentKey("line", student.UserId);
        var tokens = (await db.SetMembersAsync(FileStore.OwnerKey(key))).Select(t => t.ToString()).ToList();
        Assert.True(tokens.Count >= 2, "a photo and a scan were served by link");
        Assert.All(tokens, t => Assert.True(db.KeyTimeToLive(FileStore.Key(t)) > TimeSpan.FromDays(6)));

        // Fetched once: still there for a second fetch (LINE's preview, another tap), gone within the hour.
        using var http = new HttpClient();
        var link = links[0];
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Local(link))).StatusCode);
        var ttl = await db.KeyTimeToLiveAsync(FileStore.Key(TokenOf(link)));
        Assert.True(ttl is { } t && t <= FileStore.DownloadGrace && t > TimeSpan.Zero, $"a fetched file lives {ttl} more");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Local(link))).StatusCode);
        Assert.True(await db.KeyTimeToLiveAsync(FileStore.Key(tokens.First(t => t != TokenOf(link)))) > TimeSpan.FromDays(6), "an unfetched file keeps its 7 days");

        // The card collected: the case is complete, and every file of the student is gone.
        await Task.FromResult(student).Press("case:paid").Press("pay:WebAtm").Press("case:cardready").Press("case:collected");
        Assert.Contains("Congratulations", student.LastAnswer, StringComparison.Ordinal);
        foreach (var token in tokens)
        {
            Assert.False(await db.KeyExistsAsync(FileStore.Key(token)));
        }

        Assert.False(await db.KeyExistsAsync(FileStore.OwnerKey(key)));
        Assert.All(links, l => Assert.Equal(HttpStatusCode.NotFound, http.GetAsync(Local(l)).GetAwaiter().GetResult().StatusCode));
    }

    [Fact]
    public async Task ACollectedCasesPersonalFieldsExpireAfterTheConfiguredDaysLeavingTheArcExpiryAndTheReminders()
    {
        var (student, _) = await SubmittedWithFilesAsync();
        await Task.FromResult(student).Press("case:paid").Press("pay:WebAtm").Press("case:cardready").Press("case:collected");
        var key = new StudentKey("line", student.UserId);
        var store = Host.Services.GetRequiredService<StudentStore>();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var db = connection.GetDatabase();
        // (An extension filed inside the window plans no ARC-expiry reminder for the old card; whatever is planned stays.)
        var plan = await PlanAsync(db, key);
        var due = DateTimeOffset.FromUnixTimeMilliseconds((long)(await db.SortedSetScoreAsync(RetentionIndex.Expiring, key.ToString()))!.Value);
        Assert.Equal(time.GetUtcNow().AddDays(KeptDays), due, TimeSpan.FromMinutes(1));

        // A day before: a look finds nothing due, the record is whole.
        time.Advance(TimeSpan.FromDays(KeptDays - 1));
        var loop = Host.Services.GetServices<IHostedService>().OfType<RetentionLoop>().Single();
        Assert.Equal(0, await loop.ExpireDueAsync(CancellationToken.None));
        Assert.Equal("NGUYEN", (await StateAsync(store, key)).Answer("surname"));

        // The day after: the host's own loop (the clock read every 30 s) drops the personal fields.
        await Eventually.TrueAsync(
            async () =>
            {
                time.Advance(TimeSpan.FromHours(1));
                return !CollectedCaseRetention.HoldsPersonalData(await StateAsync(store, key));
            },
            TimeSpan.FromSeconds(30),
            "the collected case's personal fields to expire");

        var state = await StateAsync(store, key);
        Assert.Equal("2027-01-31", state.Answer("arcExpiry"));
        Assert.Null(state.Answer("surname"));
        Assert.Null(state.Answer("passportNumber"));
        Assert.Equal(CaseStage.Collected, state.Case!.Stage);
        Assert.Equal(plan, await PlanAsync(db, key));
        Assert.Null(await db.SortedSetScoreAsync(RetentionIndex.Expiring, key.ToString()));
        Assert.Empty(Platform.Violations);
    }

    private static async Task<StudentState> StateAsync(StudentStore store, StudentKey key) =>
        StudentStateJson.Deserialize((await store.ReadAsync(key))!);

    private static async Task<List<string>> PlanAsync(IDatabase db, StudentKey key) =>
        [.. (await db.SetMembersAsync(ReminderStore.PlanKey(key))).Select(m => m.ToString()).Order(StringComparer.Ordinal)];

    /// <summary>A LINE student through an extension request with a photo and a passport scan, to the receipt number.</summary>
    private async Task<(LineStudent Student, IReadOnlyList<string> Links)> SubmittedWithFilesAsync()
    {
        var student = await FollowAsync("en");
        using var wall = TestImages.AstronautOnWhiteWall();
        using var noisy = TestImages.NoisyScan();
        noisy.Format = MagickFormat.Png;
        await Task.FromResult(student).Press("lang:en").Then(s => s.Press("v:ext")).Register().ExtensionRequest();
        Platform.AddContent("photo-r", TestImages.Jpeg(wall), "image/jpeg");
        await student.Send(Platform.Image(student.UserId, "photo-r"));
        var links = Links(student).ToList();
        await student.Press("go:next").Then(s => s.Press("go:next"));
        Platform.AddContent("scan-r", noisy.ToByteArray(), "image/png");
        await student.Send(Platform.File(student.UserId, "scan-r", "passport-scan.png"));
        links.AddRange(Links(student));
        await Task.FromResult(student).Press("go:next").Press("go:next").Press("go:next").PersonalData().Press("rev:ok")
            .Say("104522736210").Press("case:approved").Press("case:today").Press("case:fc:no");
        return (student, links);
    }

    /// <summary>The links to files in the bot's last messages (an image's, a document's button).</summary>
    private static IEnumerable<string> Links(LineStudent student) =>
        student.LastMessages.SelectMany(m => new[] { (string?)m.Message["originalContentUrl"], (string?)m.Message["template"]?["actions"]?[0]?["uri"] })
            .OfType<string>().Where(l => l.Contains("/files/", StringComparison.Ordinal));

    private static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];

    private string Local(string link) => Host.Url(new Uri(link).AbsolutePath);
}
