using System.Collections.Concurrent;
using System.Globalization;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Dialogs.Reminders;
using Bot.Host.Conversation;
using Bot.Host.Reminders;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Host;

/// <summary>Several schedulers on one real Redis, with a recording channel instead of Telegram.</summary>
[Collection(RedisCollection.Name)]
public class ReminderSchedulerTests(RedisFixture redis) : IAsyncLifetime
{
    // Wednesday 2026-11-25, 10:00 in Taiwan.
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly RecordingPusher pusher = new();
    private readonly ReminderOptions options = new() { ClaimLeaseSeconds = 60, BatchSize = 50 };
    private ConnectionMultiplexer mux = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        mux = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public async Task DisposeAsync() => await mux.DisposeAsync();

    [Fact]
    public async Task ThreeSchedulersSendEachOfAThousandDueRemindersExactlyOnce()
    {
        var students = Enumerable.Range(1, 1000).Select(i => Student(i)).ToList();
        await Task.WhenAll(students.Select(s => SeedAsync(s, submittedDaysAgo: 2)));
        Assert.Equal(1000, await mux.GetDatabase().SortedSetLengthAsync(ReminderStore.Due, double.NegativeInfinity, time.GetUtcNow().ToUnixTimeMilliseconds()));

        var schedulers = Enumerable.Range(0, 3).Select(_ => NewScheduler()).ToList();
        var counts = await Task.WhenAll(schedulers.Select(s => Task.Run(() => s.RunOnceAsync(CancellationToken.None))));
        await Task.WhenAll(schedulers.Select(s => s.RunOnceAsync(CancellationToken.None)));

        Assert.Equal(1000, counts.Sum());
        Assert.Equal(1000, pusher.Pushes.Count);
        Assert.Equal(1000, pusher.Pushes.Select(p => p.StudentId).Distinct().Count());
        Assert.All(pusher.Pushes, p => Assert.StartsWith("Did NIA's 送件受理通知", p.Text, StringComparison.Ordinal));
        Assert.Equal(0, await mux.GetDatabase().SortedSetLengthAsync(ReminderStore.Claimed));
    }

    [Fact]
    public async Task AReminderClaimedByASchedulerThatDiedIsSentOnceAfterTheLeaseExpires()
    {
        var student = Student(7);
        await SeedAsync(student, submittedDaysAgo: 2);

        // The dead host: claimed, never acknowledged.
        var dead = new ReminderStore(mux, Options.Create(options));
        Assert.Single(await dead.ClaimAsync(time.GetUtcNow(), 10));

        var a = NewScheduler();
        var b = NewScheduler();
        Assert.Equal(0, await a.RunOnceAsync(CancellationToken.None));

        time.Advance(TimeSpan.FromSeconds(options.ClaimLeaseSeconds + 1));
        var sent = await Task.WhenAll(a.RunOnceAsync(CancellationToken.None), b.RunOnceAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(10));
        await a.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, sent.Sum());
        Assert.Single(pusher.Pushes);
    }

    [Fact]
    public async Task AfterDowntimeOnlyTheLatestReminderOfEachKindIsSent()
    {
        // Approved on 11-25 and every payment reminder planned then; the hosts come back on 12-01, after the deadline (11-29).
        var student = Student(8);
        await SeedAsync(student, submittedDaysAgo: 3, approved: true);
        time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)));

        await NewScheduler().RunOnceAsync(CancellationToken.None);

        var push = Assert.Single(pusher.Pushes);
        Assert.StartsWith("The payment deadline (2026-11-29) has passed", push.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingIsSentDuringQuietHoursAndTheReminderWaitsForTheMorning()
    {
        await SeedAsync(Student(9), submittedDaysAgo: 2);
        time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.FromHours(8)));
        var scheduler = NewScheduler();

        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
        time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 7, 59, 0, TimeSpan.FromHours(8)));
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
        time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(1, await scheduler.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MutedCasesAndBlockedStudentsGetNothing()
    {
        var muted = Student(10);
        var blocked = Student(11);
        await SeedAsync(muted, submittedDaysAgo: 2, muted: true);
        await SeedAsync(blocked, submittedDaysAgo: 2);
        pusher.Block(blocked.Id);
        var scheduler = NewScheduler();

        await scheduler.RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromDays(7));
        await scheduler.RunOnceAsync(CancellationToken.None);

        Assert.Empty(pusher.Pushes);
        Assert.Equal(1, pusher.Attempts(blocked.Id));
        Assert.True(await mux.GetDatabase().SetContainsAsync(ReminderStore.Blocked, blocked.ToString()));
    }

    [Fact]
    public async Task AStudentWhoBlockedTheBotGetsRemindersAgainOnceTheirCaseChanges()
    {
        var student = Student(12);
        await SeedAsync(student, submittedDaysAgo: 2);
        pusher.Block(student.Id);
        await NewScheduler().RunOnceAsync(CancellationToken.None);
        Assert.True(await mux.GetDatabase().SetContainsAsync(ReminderStore.Blocked, student.ToString()));

        // They unblocked the bot and reported the submission e-mail: a turn re-plans their case.
        await new ReminderStore(mux, Options.Create(options)).ReplanAsync(student, []);

        Assert.False(await mux.GetDatabase().SetContainsAsync(ReminderStore.Blocked, student.ToString()));
    }

    [Fact]
    public async Task AReminderDueWhenATurnPlansItIsNotPushedAgain()
    {
        // The student has just reported the approval in the chat and got the payment steps there.
        var student = Student(13);
        await SeedAsync(student, submittedDaysAgo: 3, approved: true);
        var state = StudentStateJson.Deserialize((byte[])(await mux.GetDatabase().StringGetAsync(StudentStore.RecordKey(student)))!);
        await new ReminderPlanListener(new ReminderStore(mux, Options.Create(options)), new DialogSettings([], time, MessageCatalogue.Default), time, NullLogger<ReminderPlanListener>.Instance)
            .TimelineChangedAsync(student, state, CancellationToken.None);
        var scheduler = NewScheduler();

        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
        time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(1, await scheduler.RunOnceAsync(CancellationToken.None));
        Assert.StartsWith("Reminder: your ARC fee is still unpaid. The safe last day is 2026-11-29", Assert.Single(pusher.Pushes).Text, StringComparison.Ordinal);
    }

    private static StudentKey Student(int i) => new("tg", (1_000_000 + i).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A submitted case, saved as a turn would save it, with its reminders planned as the host plans them.
    /// <paramref name="muted"/>: muted after planning, before the re-plan ran, so the scheduler itself must hold back.
    /// </summary>
    private async Task SeedAsync(StudentKey student, int submittedDaysAgo, bool approved = false, bool muted = false)
    {
        var now = time.GetUtcNow();
        var state = new StudentState
        {
            Phase = "Tracking",
            Language = Language.English,
            ReceiptNumber = "1045" + student.Id.PadLeft(8, '0'),
            Case = new CaseProgress
            {
                SubmittedAt = now.AddDays(-submittedDaysAgo),
                EmailArrivedAt = approved ? now.AddDays(-submittedDaysAgo) : null,
                ApprovedOn = approved ? TaipeiTime.DateOf(now) : null,
                OverseasChinese = approved ? false : null,
            },
        };
        var store = new ReminderStore(mux, Options.Create(options));
        await store.ReplanAsync(student, ReminderPlanner.Plan(StudentCase.Of(state), now));
        state.Case = state.Case with { Muted = muted };
        await mux.GetDatabase().StringSetAsync(StudentStore.RecordKey(student), StudentStateJson.Serialize(state));
    }

    private ReminderScheduler NewScheduler() => new(
        new ReminderStore(mux, Options.Create(options)),
        new StudentStore(mux, Options.Create(new StorageOptions()), Bot.Tests.Infrastructure.TestKeys.Cipher()),
        new StudentMessenger([pusher]),
        new ConversationPool(new DialogSettings([], time, MessageCatalogue.Default)),
        new ReminderCounter(mux),
        time,
        Options.Create(options),
        NullLogger<ReminderScheduler>.Instance);

    private sealed class RecordingPusher : IChannelPusher
    {
        private readonly ConcurrentDictionary<string, bool> blocked = new();
        private readonly ConcurrentDictionary<string, int> attempts = new();

        public ConcurrentQueue<(string StudentId, string Text)> Pushes { get; } = new();

        public string Channel => "tg";

        public void Block(string studentId) => blocked[studentId] = true;

        public int Attempts(string studentId) => attempts.GetValueOrDefault(studentId);

        public async Task<PushResult> PushAsync(string studentId, IReadOnlyList<Reply> replies, string? sendKey, CancellationToken cancellationToken)
        {
            await Task.Yield();
            attempts.AddOrUpdate(studentId, 1, (_, n) => n + 1);
            if (blocked.ContainsKey(studentId))
            {
                return PushResult.Blocked;
            }

            Pushes.Enqueue((studentId, replies[0].PlainText));
            return PushResult.Sent;
        }
    }
}
