using System.Text;
using Bot.Host.Advisors;
using Bot.Host.Broadcasts;
using Bot.Host.Files;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line;
using Bot.Tests.Uploads;
using ImageMagick;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Storage;

/// <summary>
/// /delete erases everything: a LINE student with a complete application, a photo and a scan served to them, an advisor
/// question an advisor answered, reminders planned and sent, and a scheduled broadcast, asks to delete their data; then no
/// key and no value in Redis names them or holds anything of theirs.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DeleteMyDataTests(RedisFixture redis) : LineHostTest(redis)
{
    private readonly string advisor = "U" + Guid.NewGuid().ToString("N");

    /// <summary>Noon in Taiwan at or before now, so the approval's first payment reminder (08:00) is already due.</summary>
    private readonly FakeTimeProvider time = new(NoonInTaiwanBefore(DateTimeOffset.UtcNow));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Advisors:LineUserIds:0"] = advisor,
    };

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(time);

    [Fact]
    public async Task AfterDeleteNothingInRedisNamesTheStudentOrHoldsTheirData()
    {
        Platform.SetProfile(advisor, "Advisor", "en");
        using var wall = TestImages.AstronautOnWhiteWall();
        using var noisy = TestImages.NoisyScan();
        noisy.Format = MagickFormat.Png;
        var student = await (await FollowAsync("en")).Press("lang:en").Then(s => s.Press("v:ext")).Register().ExtensionRequest();
        Platform.AddContent("photo-2", TestImages.Jpeg(wall), "image/jpeg");
        await student.Send(Platform.Image(student.UserId, "photo-2"));
        await student.Press("go:next").Then(s => s.Press("go:next"));
        Platform.AddContent("scan-2", noisy.ToByteArray(), "image/png");
        await student.Send(Platform.File(student.UserId, "scan-2", "passport-scan.png"));
        await Task.FromResult(student).Press("go:next").Press("go:next").Press("go:next").PersonalData().Press("rev:ok")
            .Say("104522736210").Press("case:approved").Press("case:today").Press("case:fc:no");

        // A question, answered by an advisor on LINE (who taps Answer on the card, then writes).
        await student.Say("/ask");
        await student.Say("My passport C1234567 expires soon, is that a problem?");
        var desk = new LineStudent(Platform, Host, advisor);
        await desk.Press(AdvisorButtons.Answer(new("line", student.UserId)));
        await desk.Say("No problem, it is valid for more than 6 months.");

        // A broadcast scheduled for tomorrow, to everyone.
        var broadcasts = Host.Services.GetRequiredService<BroadcastService>();
        var draft = await broadcasts.CreateDraftAsync("The NIA office is closed on Friday.", new AudienceFilter(), time.GetUtcNow().AddDays(1), "dashboard", CancellationToken.None);
        Assert.True((await broadcasts.ConfirmAsync(draft.JobId!, CancellationToken.None)).Ok);

        var before = await RedisContents.ReadAsync(Redis.ConnectionString);
        var id = Encoding.UTF8.GetBytes(student.UserId);
        foreach (var prefix in new[] { "st:", "ob:", "lim:", "files:", "file:", "adv:msgs:", "{rm}:plan:", "{rm}:sent:", "bc:{", "adv:focus:", "lq:" })
        {
            Assert.Contains(before.Keys, k => k.StartsWith(prefix, StringComparison.Ordinal));
        }

        Assert.Contains(before.Keys, k => k.StartsWith("{rm}:sent:line:" + student.UserId, StringComparison.Ordinal));
        Assert.Contains("students", before.KeysHolding(id));

        await student.Say("/delete");
        await student.Press("del:yes");
        Assert.Contains("deleted", student.LastAnswer, StringComparison.Ordinal);

        var after = await RedisContents.ReadAsync(Redis.ConnectionString);
        Assert.Empty(after.KeysHolding(id));
        Assert.DoesNotContain(after.Keys, k => k.StartsWith("file:", StringComparison.Ordinal) || k.StartsWith("adv:msgs:", StringComparison.Ordinal));
        Assert.Empty(after.KeysHolding(Encoding.UTF8.GetBytes("C1234567")));

        // The advisor's side is intact, and the broadcast still goes to everyone else.
        Assert.Contains(after.Keys, k => k.StartsWith("bc:{" + draft.JobId, StringComparison.Ordinal));
        Assert.Empty(Platform.Violations);
    }

    private static DateTimeOffset NoonInTaiwanBefore(DateTimeOffset now)
    {
        var noon = new DateTimeOffset(now.UtcDateTime.Date.AddHours(4), TimeSpan.Zero);
        return noon <= now ? noon : noon.AddDays(-1);
    }
}
