using Bot.Host.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Telegram;

/// <summary>The message pace against a fake clock: Telegram's sliding second, its pauses, and the rate after a 429.</summary>
public sealed class TelegramPaceTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Sends <paramref name="count"/> messages as fast as the pace lets them go, each one <paramref name="late"/> after its
    /// turn (a host slow to wake up); returns when each went, as offsets from the first call.
    /// </summary>
    private List<TimeSpan> Send(TelegramPace pace, int count, Func<int, TimeSpan>? late = null)
    {
        var start = clock.GetUtcNow();
        var times = new List<TimeSpan>();
        for (var i = 0; i < count; i++)
        {
            clock.Advance(pace.Delay() + (late?.Invoke(i) ?? TimeSpan.Zero));
            Assert.Equal(TimeSpan.Zero, pace.Delay());
            pace.Sent();
            times.Add(clock.GetUtcNow() - start);
        }

        return times;
    }

    private static int MostInAnySecond(IReadOnlyList<TimeSpan> times) =>
        times.Max(start => times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));

    [Fact]
    public void AHundredMessagesAskedAtOnceKeepOneMessageUnderTheRateInAnySlidingSecond()
    {
        var pace = new TelegramPace(29, clock);

        var times = Send(pace, 100);

        Assert.Equal(28, MostInAnySecond(times));
        Assert.Equal(TimeSpan.Zero, times[0]);
        Assert.InRange(times[^1].TotalSeconds, 99 / 29.0, 99 / 28.0);
    }

    [Fact]
    public void MessagesThatWentALittleLateAreCaughtUpWithoutBunchingTheNextOnes()
    {
        var pace = new TelegramPace(29, clock);

        // Every seventh message goes 20 ms after its turn (a busy machine): the ones after it keep the sliding second, and
        // the schedule catches up instead of drifting later by 20 ms each time (29 late messages: 0.58 s if it drifted).
        var times = Send(pace, 200, i => i % 7 == 0 ? TimeSpan.FromMilliseconds(20) : TimeSpan.Zero);

        Assert.True(MostInAnySecond(times) <= 28);
        Assert.InRange(times[^1].TotalSeconds, 199 / 29.0, (199 / 28.0) + 0.2);
    }

    [Fact]
    public void AfterA429NoMessageGoesBeforeRetryAfterAndTheRateDrops()
    {
        var pace = new TelegramPace(29, clock);
        Send(pace, 5);

        pace.Refused(TimeSpan.FromSeconds(3));

        Assert.Equal(29 * 0.85, pace.Rate, precision: 6);
        Assert.All(Send(pace, 10), sent => Assert.True(sent >= TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void ManyRefusalsTogetherSlowThePaceOnceAndItClimbsBackAMessageASecondPerQuietSecond()
    {
        var pace = new TelegramPace(29, clock);

        // Eight sends in flight all answered 429 at once: one decrease, not eight.
        for (var i = 0; i < 8; i++)
        {
            pace.Refused(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(24.65, pace.Rate, precision: 6);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(27.65, pace.Rate, precision: 6);
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(29, pace.Rate, precision: 6);
    }

    [Fact]
    public void AnUnpacedHostSendsAtOnceUntilItsFirst429ThenPacesFromTelegramsLimit()
    {
        var pace = new TelegramPace(0, clock);

        Assert.All(Send(pace, 200), sent => Assert.Equal(TimeSpan.Zero, sent));

        pace.Refused(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TelegramPace.TelegramLimit, pace.Rate, precision: 6);
        Assert.Equal(29, MostInAnySecond(Send(pace, 100)));
    }

    [Fact]
    public async Task AWaitingCallerGoesOnlyOnceThePauseIsOver()
    {
        var pace = new TelegramPace(29, clock);
        pace.Refused(TimeSpan.FromSeconds(2));

        var waiting = pace.WaitAsync(message: false, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
