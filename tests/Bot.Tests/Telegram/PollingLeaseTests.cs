using Bot.Host.Telegram;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Telegram;

/// <summary>The Redis lease that lets one host poll Telegram, on a real Redis (its expiry is Redis' own clock).</summary>
[Collection(RedisCollection.Name)]
public sealed class PollingLeaseTests(RedisFixture redis) : IAsyncLifetime
{
    /// <summary>A lease three times the renewal interval: a loaded machine may pause a loop for a second or two.</summary>
    private static readonly TelegramOptions Options = new() { PollingLease = TimeSpan.FromSeconds(3), PollingLeaseRenewal = TimeSpan.FromSeconds(1) };

    private ConnectionMultiplexer connection = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public async Task DisposeAsync() => await connection.DisposeAsync();

    [Fact]
    public async Task AHostThatKeepsRenewingKeepsPollingAndTheOtherStandsByMeanwhile()
    {
        var poller = Lease(TimeProvider.System);
        var standby = Lease(TimeProvider.System);
        Assert.True((await poller.KeepAsync(0)).Taken);

        // Both hosts' loops for longer than the lease itself: renewals keep it where it is.
        var until = DateTime.UtcNow + Options.PollingLease + TimeSpan.FromSeconds(1);
        while (DateTime.UtcNow < until)
        {
            Assert.True((await poller.KeepAsync(0)).Held);
            var waiting = await standby.KeepAsync(0);
            Assert.False(waiting.Held);
            Assert.InRange(waiting.Remaining, TimeSpan.FromMilliseconds(10), Options.PollingLeaseRenewal);
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(1, poller.Fence);
    }

    [Fact]
    public async Task AStalledPollerIsReplacedAndCanNeitherRenewNorReleaseItsSuccessorsLease()
    {
        // A short lease: the test waits for Redis to expire it twice.
        var options = new TelegramOptions { PollingLease = TimeSpan.FromMilliseconds(500), PollingLeaseRenewal = TimeSpan.FromMilliseconds(200) };

        // The first host's clock stands still: it stalled (a long GC pause, a frozen VM) and believes it still holds the lease.
        var firstClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = Lease(firstClock, options);
        var second = Lease(new FakeTimeProvider(DateTimeOffset.UtcNow), options);
        Assert.True((await first.KeepAsync(0)).Taken);
        Assert.Equal(1, first.Fence);

        // Redis lets the lease expire and the other host takes it, under the next fencing token.
        await Eventually.TrueAsync(async () => (await second.KeepAsync(0)).Held, TimeSpan.FromSeconds(10), "the standby to take the expired lease");
        Assert.Equal(2, second.Fence);

        // The stalled host wakes and renews: refused, it stands by (and the successor keeps polling).
        firstClock.Advance(options.PollingLeaseRenewal);
        Assert.False((await first.KeepAsync(0)).Held);
        Assert.Equal(0, first.Fence);
        Assert.True((await second.KeepAsync(0)).Held);

        // Now the second host stalls and a third replaces it: the second, stopping, gives back only a lease it still holds.
        var third = Lease(new FakeTimeProvider(DateTimeOffset.UtcNow), options);
        await Eventually.TrueAsync(async () => (await third.KeepAsync(0)).Held, TimeSpan.FromSeconds(10), "a third host to take the expired lease");
        await second.ReleaseAsync();
        Assert.Equal(3, third.Fence);
        Assert.EndsWith(":3", (string?)await connection.GetDatabase().StringGetAsync(PollingLease.LeaseKey), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARenewalDropsTheFinishedMarksOfUpdatesTelegramHasConfirmed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var poller = Lease(clock);
        await poller.KeepAsync(0);
        foreach (var id in new[] { 500, 501, 505 })
        {
            poller.MarkDone(id);
        }

        // Telegram has confirmed everything before 502: a successor would never be sent 500 or 501 again.
        clock.Advance(Options.PollingLeaseRenewal);
        await poller.KeepAsync(confirmedOffset: 502);
        await poller.ReleaseAsync();

        var successor = await Lease(clock).KeepAsync(0);
        Assert.True(successor.Taken);
        Assert.Equal([505], successor.DoneUpdates);
    }

    private PollingLease Lease(TimeProvider time, TelegramOptions? options = null) =>
        new(connection, Microsoft.Extensions.Options.Options.Create(options ?? Options), time, NullLogger<PollingLease>.Instance);
}
