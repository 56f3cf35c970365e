using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Host;

[Collection(RedisCollection.Name)]
public class TurnProcessorTests(RedisFixture redis)
{
    private static readonly StudentKey Student = new("tg", "42");

    private Dictionary<string, string?> Settings(int leaseSeconds = 30) => new()
    {
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        ["Storage:TurnLeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A clean Redis, one host, and the student just asked for their surname.</summary>
    private async Task<BotHost> StartAtSurnameAsync()
    {
        await redis.FlushAsync();
        var host = await BotHost.StartAsync(Settings());
        try
        {
            await Walk(host.Services.GetRequiredService<TurnProcessor>(), Inbound.FromText("hi"), Inbound.Button("lang:en"), Inbound.Button("v:ext"), Inbound.Button("nav:skip"), Inbound.Button("v:two"));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static async Task Walk(TurnProcessor turns, params Inbound[] inbounds)
    {
        foreach (var inbound in inbounds)
        {
            await turns.RunAsync(Student, Guid.NewGuid().ToString(), inbound, CancellationToken.None);
        }
    }

    [Fact]
    public async Task TwoHostsAnsweringTheSameStudentAtOnceLoseNoAnswer()
    {
        await redis.FlushAsync();
        await using var first = await BotHost.StartAsync(Settings());
        await using var second = await BotHost.StartAsync(Settings());
        var a = first.Services.GetRequiredService<TurnProcessor>();
        var b = second.Services.GetRequiredService<TurnProcessor>();
        await Walk(a, Inbound.FromText("hi"), Inbound.Button("lang:en"), Inbound.Button("v:ext"), Inbound.Button("nav:skip"), Inbound.Button("v:two"));

        // Each answer fills whichever field is current; a lost update would leave one unanswered.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            (i % 2 == 0 ? a : b).RunAsync(Student, "u" + i, Inbound.FromText("NGUYEN"), CancellationToken.None)));

        var saved = StudentStateJson.Deserialize((await first.Services.GetRequiredService<StudentStore>().ReadAsync(Student))!);
        Assert.Equal("NGUYEN", saved.Answer("surname"));
        Assert.Equal("NGUYEN", saved.Answer("givenNames"));
        Assert.Equal("NGUYEN", saved.Answer("nationality"));
        Assert.Equal("birthDate", saved.Field);
    }

    [Fact]
    public async Task ARedeliveredUpdateIsAnsweredFromTheOutboxNotRunTwice()
    {
        await using var host = await StartAtSurnameAsync();
        var turns = host.Services.GetRequiredService<TurnProcessor>();

        var once = await turns.RunAsync(Student, "update-7", Inbound.FromText("NGUYEN"), CancellationToken.None);
        var again = await turns.RunAsync(Student, "update-7", Inbound.FromText("NGUYEN"), CancellationToken.None);

        Assert.False(once!.Replayed);
        Assert.True(again!.Replayed);
        Assert.Equal(once.Replies.Select(r => r.Text), again.Replies.Select(r => r.Text));
        Assert.Equal(Buttons(once), Buttons(again));
        var saved = StudentStateJson.Deserialize((await host.Services.GetRequiredService<StudentStore>().ReadAsync(Student))!);
        Assert.Null(saved.Answer("givenNames"));
    }

    [Fact]
    public async Task AnOutboxWrittenBeforeTheCompactFormatStillAnswersARedelivery()
    {
        await using var host = await StartAtSurnameAsync();
        var turns = host.Services.GetRequiredService<TurnProcessor>();

        // What an earlier version of the bot left in Redis (plain JSON) just before it was upgraded.
        var db = host.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        await db.StringSetAsync(
            StudentStore.OutboxKey(Student),
            """{"InboundId":"update-9","Replies":[{"Text":"Thanks! Your given names?","Buttons":[[{"Label":"Back","Data":"nav:back"}]]}],"Effects":0}""");

        var again = await turns.RunAsync(Student, "update-9", Inbound.FromText("NGUYEN"), CancellationToken.None);

        Assert.True(again!.Replayed);
        Assert.Equal("Thanks! Your given names?", Assert.Single(again.Replies).Text);
        Assert.Equal(["Back nav:back"], Buttons(again));
        var saved = StudentStateJson.Deserialize((await host.Services.GetRequiredService<StudentStore>().ReadAsync(Student))!);
        Assert.Null(saved.Answer("surname"));
    }

    private static IEnumerable<string> Buttons(TurnOutcome outcome) =>
        outcome.Replies.SelectMany(r => r.Buttons ?? []).SelectMany(row => row).Select(c => c.Label + " " + c.Data);

    [Fact]
    public async Task AHungTurnReleasesTheStudentWhenItsLeaseRunsOut()
    {
        await redis.FlushAsync();
        await using var host = await BotHost.StartAsync(Settings(leaseSeconds: 1));
        var store = host.Services.GetRequiredService<StudentStore>();
        var turns = host.Services.GetRequiredService<TurnProcessor>();

        // A turn that took the student and never finished (its host froze).
        var (hung, _) = await store.TryBeginAsync(Student);
        Assert.NotNull(hung);

        var outcome = await turns.RunAsync(Student, "next", Inbound.FromText("hello"), CancellationToken.None);

        Assert.NotNull(outcome);
        Assert.Contains("Which language", outcome.Replies[0].Text, StringComparison.Ordinal);
        Assert.False(await store.CommitAsync(hung!, [], []));
    }
}
