using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;
using Bot.Host.Advisors;
using Bot.Host.Conversation;
using Bot.Host.Roster;
using Bot.Host.Storage;
using Bot.Tests.Dialogs;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Roster;

/// <summary>
/// The advisors' roster on a real Redis (and again on a Redis Cluster, <c>RosterTestsOnCluster</c>): pages sorted and
/// filtered exactly as one list would be though the students live in 16 shards, turns keeping it, the rebuild for records
/// written before it existed, erasure, and an advisor's schools.
/// </summary>
[Collection(RedisCollection.Name)]
public class RosterTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);
    private static readonly string[] Surnames = ["CHEN", "NGUYEN", "TRAN", "WIJAYA", "LIM", "TAN", "KUMAR", "LI", "LIAO", "SANTOSO", "PHAM", "ONG"];
    private static readonly Language Vietnamese = Languages.Find("vi")!.Value;
    private readonly FakeTimeProvider time = new(Now);
    private ConnectionMultiplexer mux = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        mux = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public async Task DisposeAsync() => await mux.DisposeAsync();

    [Fact]
    public async Task EveryPageIsTheSliceOfOneSortedListThoughStudentsLiveInSixteenShards()
    {
        var kit = new RosterKit(mux, time);
        var students = await SeedAsync(kit, 150);
        var byName = students.OrderBy(s => s.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key).ToList();

        var pages = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var result = await kit.Search.PageAsync(new RosterQuery(), RosterSort.Name, descending: false, page, 40);
            Assert.Equal(150, result.Total);
            pages.AddRange(result.Items.Select(i => i.Key));
        }

        Assert.Equal(byName, pages);
        Assert.Equal(Enumerable.Reverse(byName).Take(25), await kit.KeysAsync(new RosterQuery(), RosterSort.Name, descending: true, size: 25));

        // By deadline: the one each row shows, soonest first, students without one last.
        var summaries = students.Select(s => StudentSummary.From(StudentKey.Parse(s.Key), s.State, Now)).ToList();
        var byDeadline = summaries.OrderBy(s => s.NextDeadline is null).ThenBy(s => s.NextDeadline).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key).Take(60);
        Assert.Equal(byDeadline, await kit.KeysAsync(new RosterQuery(), RosterSort.Deadline, descending: false, size: 60));

        // The streamed list (CSV, the full JSON list) is the same order, chunk after chunk.
        var streamed = new List<string>();
        await foreach (var chunk in kit.Search.StreamAsync(new RosterQuery(), RosterSort.Name, descending: false))
        {
            streamed.AddRange(chunk.Select(s => s.Key));
        }

        Assert.Equal(byName, streamed);
    }

    [Fact]
    public async Task FiltersCombineAndAnAdvisorSeesOnlyTheirSchools()
    {
        var kit = new RosterKit(mux, time);
        var students = await SeedAsync(kit, 90);
        var programme = NiaLists.Programmes.Options[0];

        IEnumerable<string> Expect(Func<Seeded, bool> match) => students.Where(match).Select(s => s.Key).Order(StringComparer.Ordinal);
        async Task<IEnumerable<string>> Actual(RosterQuery query) => (await kit.KeysAsync(query, RosterSort.Name, size: 200)).Order(StringComparer.Ordinal);

        Assert.Equal(Expect(s => s.School == "ntu" && s.Submitted), await Actual(new RosterQuery(Stage: "submitted", School: "ntu")));
        Assert.Equal(Expect(s => s.Key.StartsWith("line:", StringComparison.Ordinal) && !s.Submitted), await Actual(new RosterQuery(Stage: "notsubmitted", Channel: "line")));
        Assert.Equal(Expect(s => s.Programme == programme.Value), await Actual(new RosterQuery(Programme: programme.Code)));
        Assert.Equal(Expect(s => s.State.Language == Vietnamese), await Actual(new RosterQuery(Language: "vi")));

        // An advisor of NCCU: their school's students only, whatever else they ask for.
        string[] nccu = ["nccu"];
        Assert.Equal(Expect(s => s.School == "nccu"), await Actual(new RosterQuery(Scope: nccu)));
        Assert.Empty(await Actual(new RosterQuery(School: "ntu", Scope: nccu)));
        Assert.Equal(students.Count(s => s.School == "nccu"), (await kit.Search.PageAsync(new RosterQuery(Scope: nccu), RosterSort.Updated, true, 1, 10)).Total);
    }

    [Fact]
    public async Task SearchFindsNamesByTheStartOfAnyWordWithoutAccentsAndStudentsByKey()
    {
        var kit = new RosterKit(mux, time);
        await kit.SaveAsync(new StudentKey("tg", "11"), State(s => { s.Answers["surname"] = "NGUYỄN"; s.Answers["givenNames"] = "VĂN AN"; }));
        await kit.SaveAsync(new StudentKey("tg", "12"), State(s => { s.Answers["surname"] = "NGO"; s.Answers["givenNames"] = "BAO"; }));
        await kit.SaveAsync(new StudentKey("line", "U0123456789abcdef0123456789abcdef"), State(s => s.Answers["surname"] = "WIJAYA"));

        Assert.Equal(["tg:11"], await kit.KeysAsync(new RosterQuery(Q: "nguyen van")));
        Assert.Equal(["tg:11", "tg:12"], (await kit.KeysAsync(new RosterQuery(Q: "ng"))).Order(StringComparer.Ordinal));
        Assert.Equal(["tg:12"], await kit.KeysAsync(new RosterQuery(Q: "12")));
        Assert.Equal(["line:U0123456789abcdef0123456789abcdef"], await kit.KeysAsync(new RosterQuery(Q: "line:U0123456789abcdef0123456789abcdef")));
        Assert.Empty(await kit.KeysAsync(new RosterQuery(Q: "an nguyen x")));
    }

    [Fact]
    public async Task NamesSortAlphabeticallyThoughNoScoreInRedisIsMadeOfAName()
    {
        var kit = new RosterKit(mux, time);
        await kit.SaveAsync(new StudentKey("tg", "21"), State(s => { s.Answers["surname"] = "NGUYỄN"; s.Answers["givenNames"] = "VĂN BÌNH"; }));
        await kit.SaveAsync(new StudentKey("tg", "22"), State(s => { s.Answers["surname"] = "NGUYEN"; s.Answers["givenNames"] = "VAN AN"; }));
        await kit.SaveAsync(new StudentKey("tg", "23"), State(s => { s.Answers["surname"] = "ANH"; s.Answers["givenNames"] = "MAI"; }));
        await kit.SaveAsync(new StudentKey("tg", "24"), State(s => { s.Answers["surname"] = "NGUYEN"; s.Answers["givenNames"] = "VAN ANH"; }));

        // Alphabetical to the last letter, accents aside (the ten-letter prefix "NGUYEN VAN" used to be the end of it).
        Assert.Equal(["tg:23", "tg:22", "tg:24", "tg:21"], await kit.KeysAsync(new RosterQuery(), RosterSort.Name, descending: false));
        Assert.Equal(["tg:21", "tg:24", "tg:22", "tg:23"], await kit.KeysAsync(new RosterQuery(), RosterSort.Name, descending: true));
        Assert.Equal(["tg:24", "tg:21"], await kit.KeysAsync(new RosterQuery(), RosterSort.Name, descending: false, page: 2, size: 2));

        // Every name index holds the same score for everyone: the order comes from the sealed entries, not from Redis.
        for (var shard = 0; shard < RosterKeys.ShardCount; shard++)
        {
            foreach (var entry in await mux.GetDatabase().SortedSetRangeByRankWithScoresAsync(RosterKeys.Key(shard, "name")))
            {
                Assert.Equal(0, entry.Score);
            }
        }
    }

    [Fact]
    public async Task ATurnThatChangesWhatAdvisorsSeeUpdatesTheRosterAndTheTryTheBotChatStaysOff()
    {
        var driver = new DialogDriver(now: Now).ToReview().Press("rev:ok");
        var student = new StudentKey("tg", "77");
        await mux.GetDatabase().StringSetAsync(StudentStore.RecordKey(student), StudentStateJson.Serialize(driver.State));
        var kit = new RosterKit(mux, driver.Time);
        var turns = Turns(kit, driver);
        var search = new RosterSearch(mux, kit.Roster, kit.Store.Cipher, driver.Time);

        await turns.RunAsync(student, "1", Inbound.FromText("/help"), CancellationToken.None);
        await turns.RunAsync(student, "2", Inbound.FromText("104522736210"), CancellationToken.None);
        var row = Assert.Single((await search.PageAsync(new RosterQuery(), RosterSort.Updated, true, 1, 10)).Items);
        Assert.Equal("tg:77", row.Key);
        Assert.Equal(CaseStep.Submitted, row.Stage);

        await turns.RunAsync(new StudentKey("web", "abc"), "3", Inbound.FromText("/start"), CancellationToken.None);
        Assert.Equal(1, (await search.PageAsync(new RosterQuery(), RosterSort.Updated, true, 1, 10)).Total);

        // /delete: gone from the roster, and a write still on its way (an older save) cannot bring the student back.
        var before = driver.State;
        await turns.RunAsync(student, "4", Inbound.FromText("/delete"), CancellationToken.None);
        await turns.RunAsync(student, "5", Inbound.Button(ButtonData.DeleteYes), CancellationToken.None);
        Assert.Equal(0, (await search.PageAsync(new RosterQuery(), RosterSort.Updated, true, 1, 10)).Total);
        await kit.Roster.WriteAsync(student, before);
        Assert.Equal(0, (await search.PageAsync(new RosterQuery(), RosterSort.Updated, true, 1, 10)).Total);
    }

    [Fact]
    public async Task TheRebuildPutsRecordsWrittenBeforeTheRosterOnItAndTakesOutStudentsWithoutARecord()
    {
        var kit = new RosterKit(mux, time);
        var db = mux.GetDatabase();
        var students = Enumerable.Range(1, 1200).Select(i => new StudentKey(i % 3 == 0 ? "line" : "tg", i % 3 == 0 ? "U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture) : i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        foreach (var chunk in students.Chunk(200))
        {
            await Task.WhenAll(chunk.SelectMany(s => new Task[]
            {
                db.StringSetAsync(StudentStore.RecordKey(s), StudentStateJson.Serialize(State(x => x.Answers["surname"] = "S" + s.Id))),
                db.SortedSetAddAsync(StudentStore.StudentsIndex, s.ToString(), Now.ToUnixTimeSeconds()),
            }));
        }

        // A student on the roster whose record has expired since.
        var gone = new StudentKey("tg", "999999");
        await kit.Roster.WriteAsync(gone, State(_ => { }));

        var rebuild = new RosterRebuild(mux, new StudentDirectory(mux, kit.Store), kit.Roster, time, NullLogger<RosterRebuild>.Instance);
        Assert.False((await rebuild.StatusAsync()).Built);
        await rebuild.TryRebuildAsync(CancellationToken.None);

        var (built, progress) = await rebuild.StatusAsync();
        Assert.True(built);
        Assert.Equal("1200", progress["done"]);
        Assert.Equal(1200, (await kit.Search.PageAsync(new RosterQuery(), RosterSort.Name, false, 1, 10)).Total);
        Assert.Equal(400, (await kit.Search.PageAsync(new RosterQuery(Channel: "line"), RosterSort.Name, false, 1, 10)).Total);

        // Run again: the same roster.
        await rebuild.TryRebuildAsync(CancellationToken.None);
        Assert.Equal(1200, (await kit.Search.PageAsync(new RosterQuery(), RosterSort.Name, false, 1, 10)).Total);
    }

    private TurnProcessor Turns(RosterKit kit, DialogDriver driver) => new(
        kit.Store,
        driver.Pool,
        new Bot.Host.Uploads.UploadProcessor([], [], new Bot.Dialogs.Uploads.IdPhotoMaker(new Bot.Dialogs.Uploads.HaarFaceFinder()), new Bot.Dialogs.Uploads.DocumentPreparer(), NullLogger<Bot.Host.Uploads.UploadProcessor>.Instance),
        driver.Time,
        [],
        [],
        [kit.Roster],
        new Bot.Host.Limits.StudentLimits(mux, Options.Create(new Bot.Host.Limits.StudentLimitsOptions()), driver.Time, NullLogger<Bot.Host.Limits.StudentLimits>.Instance),
        new Bot.Host.Printing.PrintableReplies(new Bot.Host.Printing.PreparedPhotoStore(mux, TestKeys.Cipher()), NullLogger<Bot.Host.Printing.PrintableReplies>.Instance),
        kit.Roster,
        NullLogger<TurnProcessor>.Instance);

    private static async Task<List<Seeded>> SeedAsync(RosterKit kit, int count)
    {
        var programmes = NiaLists.Programmes.Options;
        var languages = new[] { Language.English, Vietnamese, Language.TraditionalChinese };
        var seeded = new List<Seeded>();
        for (var i = 0; i < count; i++)
        {
            var line = i % 4 == 0;
            var key = line ? new StudentKey("line", "U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)) : new StudentKey("tg", (5000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var name = Surnames[(i * 7) % Surnames.Length];
            var school = i % 3 == 0 ? "ntu" : "nccu";
            var submitted = i % 5 == 0;
            var programme = programmes[i % 3].Value;
            var state = State(s =>
            {
                s.Answers["surname"] = name;
                s.Answers["schoolId"] = school;
                s.Answers["programme"] = programme;
                s.Language = languages[i % languages.Length];
                if (i % 2 == 0)
                {
                    s.Answers["arcExpiry"] = Now.AddDays(i % 40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                }

                if (submitted)
                {
                    s.ReceiptNumber = "1045" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                    s.Phase = "Submitted";
                }
            });
            await kit.SaveAsync(key, state);
            seeded.Add(new Seeded(key.ToString(), name, school, submitted, programme, state));
        }

        return seeded;
    }

    private static StudentState State(Action<StudentState> shape)
    {
        var state = new StudentState { Phase = "FillingExtension", Language = Language.English, CreatedAt = Now, UpdatedAt = Now };
        shape(state);
        return state;
    }

    private sealed record Seeded(string Key, string Name, string School, bool Submitted, string Programme, StudentState State);
}
