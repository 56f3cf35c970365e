namespace Bot.Host.Telegram;

/// <summary>
/// How fast this host sends Telegram messages: on an even schedule at <see cref="Rate"/> (a message that went a little late
/// does not delay the ones after it), one caller at a time in the order they asked. Telegram counts a bot's messages over a
/// sliding second as they arrive, so the pace also keeps one message fewer than the rate in any sliding second of actual
/// send times: that one message of headroom absorbs the network's jitter (measured: no 429 at all against a sliding-window
/// fake on a loaded machine, where keeping exactly the rate drew some; docs/benchmarks.md). The rate starts at the ceiling
/// (<c>Telegram:MessagesPerSecond</c>); a 429 stops every send until its retry_after has passed and cuts the rate by 15 %
/// (once a second, however many sends were refused together); each second without one gives a message a second back, up
/// to the ceiling. A ceiling of 0 sends unpaced until the first 429, then paces from Telegram's documented 30 a second.
/// It runs on the platform's clock (the system's in production), not the host's: a test's frozen clock must not hold
/// replies back.
/// </summary>
internal sealed class TelegramPace
{
    /// <summary>Telegram's documented global limit, where an unpaced host starts after its first 429.</summary>
    public const double TelegramLimit = 30;

    private const double Decrease = 0.85;
    private const double MinimumRate = 1;

    /// <summary>Messages a second given back per second without a 429.</summary>
    private const double Recovery = 1;

    private readonly Lock gate = new();
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly TimeProvider clock;
    private readonly double ceiling;
    private readonly long window;

    /// <summary>When the last messages went, oldest first (a ring of the ceiling's size).</summary>
    private readonly long[] sent;
    private int head;
    private int count;

    /// <summary>When the next message is due on an even schedule; lateness of up to one interval is caught up.</summary>
    private long due;
    private bool paced;
    private double rate;
    private long pausedUntil;
    private long lastChange;
    private long lastDecrease;

    public TelegramPace(double messagesPerSecond, TimeProvider clock)
    {
        this.clock = clock;
        paced = messagesPerSecond > 0;
        ceiling = paced ? messagesPerSecond : TelegramLimit;
        rate = ceiling;
        window = clock.TimestampFrequency;
        sent = new long[Math.Max(1, (int)Math.Ceiling(ceiling))];
        lastChange = clock.GetTimestamp();
        lastDecrease = lastChange - window;
    }

    /// <summary>The current rate, in messages a second.</summary>
    public double Rate
    {
        get
        {
            lock (gate)
            {
                Recover(clock.GetTimestamp());
                return rate;
            }
        }
    }

    /// <summary>Waits for this caller's turn to send one message (<paramref name="message"/>), or only for a pause to end.</summary>
    public async Task WaitAsync(bool message, CancellationToken cancellationToken)
    {
        if (!message || !IsPaced)
        {
            await UntilPauseEndsAsync(cancellationToken);
            if (!message || !IsPaced)
            {
                return;
            }
        }

        // One caller at a time, each placed from the actual send times before it (the sliding second) and the even schedule:
        // a late wake-up can never bunch more messages into one second than the pace allows.
        await turn.WaitAsync(cancellationToken);
        try
        {
            for (var wait = Delay(); wait > TimeSpan.Zero; wait = Delay())
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            Sent();
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// For a call that only shows something (a chat action, removing old buttons): true when it may go right now — no pause,
    /// and for a <paramref name="message"/> a free slot that nobody is waiting for (the slot is then taken). Never waits, so
    /// such a call is dropped rather than holding a reply back or adding to a backlog.
    /// </summary>
    public bool TryTakeNow(bool message)
    {
        lock (gate)
        {
            if (clock.GetTimestamp() < pausedUntil)
            {
                return false;
            }
        }

        if (!message || !IsPaced)
        {
            return true;
        }

        if (!turn.Wait(0))
        {
            return false;
        }

        try
        {
            if (Delay() > TimeSpan.Zero)
            {
                return false;
            }

            Sent();
            return true;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Telegram refused a call: nobody sends for <paramref name="retryAfter"/>, and the rate drops.</summary>
    public void Refused(TimeSpan retryAfter)
    {
        lock (gate)
        {
            var now = clock.GetTimestamp();
            pausedUntil = Math.Max(pausedUntil, now + (long)(retryAfter.TotalSeconds * window));
            if (!paced)
            {
                paced = true;
            }
            else if (now - lastDecrease >= window)
            {
                Recover(now);
                rate = Math.Max(MinimumRate, rate * Decrease);
            }

            lastDecrease = now;
            lastChange = now;
        }
    }

    /// <summary>How long until the next message may go (zero: now).</summary>
    internal TimeSpan Delay()
    {
        lock (gate)
        {
            var now = clock.GetTimestamp();
            var at = pausedUntil;
            if (paced)
            {
                Recover(now);
                at = Math.Max(at, due);

                // The message `limit` sends back must have left the sliding second (one message of headroom, see above).
                var limit = Math.Max(1, (int)Math.Floor(rate) - 1);
                if (count >= limit)
                {
                    at = Math.Max(at, sent[(head + sent.Length - limit) % sent.Length] + window);
                }
            }

            return at <= now ? TimeSpan.Zero : clock.GetElapsedTime(now, at);
        }
    }

    /// <summary>Records that a message goes now.</summary>
    internal void Sent()
    {
        lock (gate)
        {
            var now = clock.GetTimestamp();
            var interval = (long)(window / rate);
            due = Math.Max(due, now - interval) + interval;
            sent[head] = now;
            head = (head + 1) % sent.Length;
            count = Math.Min(count + 1, sent.Length);
        }
    }

    private bool IsPaced
    {
        get
        {
            lock (gate)
            {
                return paced;
            }
        }
    }

    private async Task UntilPauseEndsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = clock.GetTimestamp();
                wait = now >= pausedUntil ? TimeSpan.Zero : clock.GetElapsedTime(now, pausedUntil);
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private void Recover(long now)
    {
        var seconds = (now - lastChange) / window;
        if (seconds <= 0)
        {
            return;
        }

        rate = Math.Min(ceiling, rate + (seconds * Recovery));
        lastChange += seconds * window;
    }
}
