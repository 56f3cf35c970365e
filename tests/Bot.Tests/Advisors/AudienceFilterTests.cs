using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Broadcasts;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using Bot.Tests.Roster;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Advisors;

[Collection(RedisCollection.Name)]
public sealed class AudienceFilterTests(RedisFixture redis)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReadsFiltersAndATimeBeforeTheText()
    {
        var (filter, at, text) = AudienceFilter.ParseCommand("stage=notpaid channel=line lang=zh-TW expiry=2027-01 at=2026-12-01T09:00 Please pay: fee=1000 NTD");
        Assert.Equal(new AudienceFilter("notpaid", "2027-01", null, "zh-TW", "line"), filter);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)), at);
        Assert.Equal("Please pay: fee=1000 NTD", text);
    }

    [Fact]
    public void PlainTextMeansEveryoneNow()
    {
        var (filter, at, text) = AudienceFilter.ParseCommand("Office closed on Friday");
        Assert.Equal(new AudienceFilter(), filter);
        Assert.Null(at);
        Assert.Equal("Office closed on Friday", text);
    }

    [Fact]
    public async Task NotPaidMeansSubmittedWithoutAPaymentDate()
    {
        await redis.FlushAsync();
        await using var mux = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var kit = new RosterKit(mux, new FakeTimeProvider(Now));
        await kit.SaveAsync(new StudentKey("tg", "1"), State(s => s.ReceiptNumber = "123456789012"));
        await kit.SaveAsync(new StudentKey("tg", "2"), State(s => { s.ReceiptNumber = "123456789012"; s.Case = new() { PaidAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) }; }));
        await kit.SaveAsync(new StudentKey("tg", "3"), State(_ => { }));
        Assert.Equal(["tg:1"], await kit.KeysAsync(new AudienceFilter(Stage: "notpaid").ToQuery(null)));
        Assert.Equal(["tg:3"], await kit.KeysAsync(new AudienceFilter(Stage: "notsubmitted").ToQuery(null)));
    }

    [Fact]
    public async Task AnExpiredArcBeforeSubmissionIsOverdueAndANearOneIsFlagged()
    {
        var expired = Summary(s => s.Answers["arcExpiry"] = "2026-11-20");
        var near = Summary(s => s.Answers["arcExpiry"] = "2026-12-10");
        var submitted = Summary(s => { s.Answers["arcExpiry"] = "2026-11-20"; s.ReceiptNumber = "123456789012"; });
        Assert.True(expired.Overdue);
        Assert.True(near.ExpiresSoon && !near.Overdue);
        Assert.False(submitted.Overdue);

        await redis.FlushAsync();
        await using var mux = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var kit = new RosterKit(mux, new FakeTimeProvider(Now));
        await kit.SaveAsync(new StudentKey("tg", "1"), State(s => s.Answers["arcExpiry"] = "2026-11-20"));
        await kit.SaveAsync(new StudentKey("tg", "2"), State(s => s.Answers["arcExpiry"] = "2026-12-10"));
        await kit.SaveAsync(new StudentKey("tg", "3"), State(s => { s.Answers["arcExpiry"] = "2026-11-20"; s.ReceiptNumber = "123456789012"; }));
        Assert.Equal(["tg:2"], await kit.KeysAsync(new AudienceFilter(ExpiryMonth: "2026-12").ToQuery(null)));
        Assert.Equal(["tg:1"], await kit.KeysAsync(new AudienceFilter(Stage: "overdue").ToQuery(null)));
    }

    private static StudentSummary Summary(Action<StudentState> shape) => StudentSummary.From(new StudentKey("tg", "1"), State(shape), Now);

    private static StudentState State(Action<StudentState> shape)
    {
        var state = new StudentState { Phase = "FillingExtension", CreatedAt = Now, UpdatedAt = Now };
        shape(state);
        return state;
    }
}
