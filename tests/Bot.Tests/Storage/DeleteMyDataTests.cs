using System.Text;
using Bot.Host.Advisors;
using Bot.Host.Broadcasts;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line;
using Bot.Tests.Uploads;
using ImageMagick;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Storage;

/// <summary>
/// /delete erases everything: a LINE student with a complete application, a photo and a scan served to them, an advisor
/// question an advisor answered, reminders planned and sent, and a scheduled broadcast, asks to delete their data; then no
/// key and no value in Redis names them or holds anything of theirs, and the broadcast, when it runs, does not reach them.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DeleteMyDataTests(RedisFixture redis) : LineHostTest(redis)
{
    private const string DisplayName = "Phạm Thị Xoá";

    private readonly string advisor = "U" + Guid.NewGuid().ToString("N");

    /// <summary>Noon in Taiwan at or before now, so the approval's first payment reminder (08:00) is already due.</summary>
    private readonly FakeTimeProvider time = new(NoonInTaiwanBefore(DateTimeOffset.UtcNow));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Advisors:LineUserIds:0"] = advisor,
    };

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(time);

    [Fact]
    public async Task AfterDeleteNothingInRedisNamesTheStudentOrHoldsTheirDataAndABroadcastSkipsThem()
    {
        var atStart = (await RedisContents.ReadAsync(Redis.ConnectionString)).Keys.ToHashSet(StringComparer.Ordinal);
        Platform.SetProfile(advisor, "Advisor", "en");
        var bystander = await FollowAsync("en");
        var student = await CompleteApplicationAsync();

        // A question, answered by an advisor on LINE (who taps Answer on the card, then writes).
        await student.Say("/ask");
        await student.Say("My passport C1234567 expires soon, is that a problem?");
        var desk = new LineStudent(Platform, Host, advisor);
        await desk.Press(AdvisorButtons.Answer(new("line", student.UserId)));
        await desk.Say("No problem, it is valid for more than 6 months.");

        // A broadcast scheduled for tomorrow, to everyone.
        var broadcasts = Host.Services.GetRequiredService<BroadcastService>();
        const string Announcement = "The NIA office is closed on Friday.";
        var draft = await broadcasts.CreateDraftAsync(new BroadcastDraft(BroadcastTexts.ForEveryone(Announcement), new AudienceFilter(), time.GetUtcNow().AddDays(1), Urgent: true), "dashboard", null, CancellationToken.None);
        Assert.True((await broadcasts.ConfirmAsync(draft.JobId!, "dashboard", CancellationToken.None)).Ok);

        // Everything the test looks for afterwards was there: the scan would see it.
        var before = await RedisContents.ReadAsync(Redis.ConnectionString);
        foreach (var prefix in new[] { "st:", "ob:", "lim:", "files:", "file:", "adv:msgs:", "{rm}:plan:", "{rm}:sent:", "bc:{", "adv:focus:", "lq:" })
        {
            Assert.Contains(before.Keys, k => k.StartsWith(prefix, StringComparison.Ordinal));
        }

        Assert.Contains(before.Keys, k => k.StartsWith("{rm}:sent:line:" + student.UserId, StringComparison.Ordinal));
        Assert.Contains(BroadcastStore.PendingKey(draft.JobId!, new AudienceGroup("line", BroadcastTexts.Everyone)).ToString(), before.KeysHolding(Bytes(student.UserId)));
        Assert.Contains("students", before.KeysHolding(Bytes(student.UserId)));

        await student.Say("/delete");
        await student.Press("del:yes");
        Assert.Contains("deleted", student.LastAnswer, StringComparison.Ordinal);
        var answeredBeforeBroadcast = Platform.MessagesTo(student.UserId).Count;

        // No key and no value names them or holds what they typed (in clear: encrypted values are caught below).
        var after = await RedisContents.ReadAsync(Redis.ConnectionString);
        foreach (var trace in new[] { student.UserId, DisplayName, "NGUYEN", "nguyen", "C1234567", "c1234567", "王小明", "0912345678", "an.nguyen@example.com", "104522736210" })
        {
            Assert.True(after.KeysHolding(Bytes(trace)).Count == 0, $"'{trace}' is still in {string.Join(", ", after.KeysHolding(Bytes(trace)))}");
        }

        // Every key left is one that was there before they came, or belongs to someone else, or is shared bookkeeping that
        // names nobody: a per-student key (encrypted or not) that /delete forgot fails here, whatever its name.
        var left = after.Keys.Where(k => !atStart.Contains(k) && !k.Contains(advisor, StringComparison.Ordinal) && !k.Contains(bystander.UserId, StringComparison.Ordinal) && !IsSharedBookkeeping(k, draft.JobId!)).ToList();
        Assert.True(left.Count == 0, "left after /delete: " + string.Join(", ", left));

        // The advisor's side is intact, and the broadcast still goes to everyone else, not to them.
        Assert.Contains(after.Keys, k => k.StartsWith("bc:{" + draft.JobId, StringComparison.Ordinal));
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromHours(1));
                return Platform.MessagesTo(bystander.UserId).Any(m => m.Via == "multicast" && m.Text == Announcement);
            },
            TimeSpan.FromSeconds(30),
            "the broadcast to reach the other student");
        Assert.Equal(answeredBeforeBroadcast, Platform.MessagesTo(student.UserId).Count);
        var results = await Host.Services.GetRequiredService<BroadcastStore>().ResultsAsync(draft.JobId!);
        Assert.DoesNotContain(results.Keys, k => k.Contains(student.UserId, StringComparison.Ordinal));
        Assert.Empty(Platform.Violations);
    }

    [Fact]
    public async Task AStudentDeletedWhileABroadcastsAudienceWasWrittenIsNotSentIt()
    {
        var bystander = await FollowAsync("en");
        var student = await FollowAsync("en");
        await student.Press("lang:en");
        var broadcasts = Host.Services.GetRequiredService<BroadcastService>();
        const string Announcement = "Office hours change next week.";
        var draft = await broadcasts.CreateDraftAsync(new BroadcastDraft(BroadcastTexts.ForEveryone(Announcement), new AudienceFilter(), time.GetUtcNow().AddMinutes(5), Urgent: true), "dashboard", null, CancellationToken.None);

        // The race: the draft read the directory before /delete, and wrote its pending entry after /delete had erased theirs.
        await student.Say("/delete");
        await student.Press("del:yes");
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString))
        {
            await connection.GetDatabase().SetAddAsync(BroadcastStore.PendingKey(draft.JobId!, new AudienceGroup("line", BroadcastTexts.Everyone)), new StudentKey("line", student.UserId).ToString());
        }

        var answered = Platform.MessagesTo(student.UserId).Count;
        Assert.True((await broadcasts.ConfirmAsync(draft.JobId!, "dashboard", CancellationToken.None)).Ok);
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromMinutes(1));
                return Platform.MessagesTo(bystander.UserId).Any(m => m.Text == Announcement);
            },
            TimeSpan.FromSeconds(30),
            "the broadcast to reach the other student");

        Assert.Equal(answered, Platform.MessagesTo(student.UserId).Count);
        Assert.DoesNotContain((await Host.Services.GetRequiredService<BroadcastStore>().ResultsAsync(draft.JobId!)).Keys, k => k.Contains(student.UserId, StringComparison.Ordinal));
    }

    /// <summary>A LINE student through a whole extension request, with a photo and a passport scan, to an approved case.</summary>
    private async Task<LineStudent> CompleteApplicationAsync()
    {
        var user = "U" + Guid.NewGuid().ToString("N");
        Platform.SetProfile(user, DisplayName, "en");
        var student = new LineStudent(Platform, Host, user);
        await student.Send(Platform.Follow(user));

        using var wall = TestImages.AstronautOnWhiteWall();
        using var noisy = TestImages.NoisyScan();
        noisy.Format = MagickFormat.Png;
        await Task.FromResult(student).Press("lang:en").Then(s => s.Press("v:ext")).Register().ExtensionRequest();
        Platform.AddContent("photo-2", TestImages.Jpeg(wall), "image/jpeg");
        await student.Send(Platform.Image(student.UserId, "photo-2"));
        await student.Press("go:next").Then(s => s.Press("go:next"));
        Platform.AddContent("scan-2", noisy.ToByteArray(), "image/png");
        await student.Send(Platform.File(student.UserId, "scan-2", "passport-scan.png"));
        await Task.FromResult(student).Press("go:next").Press("go:next").Press("go:next").PersonalData().Press("rev:ok")
            .Say("104522736210").Press("case:approved").Press("case:today").Press("case:fc:no");
        return student;
    }

    /// <summary>Keys shared by every student, the inbox's and the broadcast job's: their contents are scanned above.</summary>
    private static bool IsSharedBookkeeping(string key, string jobId) =>
        key is "students" or "students:blocked" or "adv:threads" or "line:unreachable" or "lpq:due" or "bc:due" or "bc:list" or "inbox:hosts"
            or "{rm}:due" or "{rm}:claimed" or "{rm}:tokens" or "{rm}:blocked" or "prune:lock"
        || key is "ix:built" or "ix:rebuild" or "audit"
        || key.StartsWith("{ix:", StringComparison.Ordinal) // the advisors' roster: shared shards (the check above proves none names them)
        || key.StartsWith("stats:", StringComparison.Ordinal)
        || key.StartsWith("line:richmenu", StringComparison.Ordinal)
        || key.StartsWith("{inbox:", StringComparison.Ordinal)
        || key.StartsWith("bc:{" + jobId + "}", StringComparison.Ordinal);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static DateTimeOffset NoonInTaiwanBefore(DateTimeOffset now)
    {
        var noon = new DateTimeOffset(now.UtcDateTime.Date.AddHours(4), TimeSpan.Zero);
        return noon <= now ? noon : noon.AddDays(-1);
    }
}
