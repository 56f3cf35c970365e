using Bot.Host.Advisors;
using Bot.Host.Line;

namespace Bot.Host.Broadcasts;

/// <summary>What advisors do with broadcasts, from chat or the dashboard: preview, confirm, cancel, list.</summary>
public sealed class BroadcastService(
    StudentDirectory directory,
    BroadcastStore store,
    BroadcastWakeup wakeup,
    IServiceProvider services,
    TimeProvider time)
{
    /// <summary>Below Telegram's 4,096 characters and LINE's 5,000.</summary>
    public const int MaxTextLength = 3800;

    /// <summary>The audience as it would be now, without creating anything.</summary>
    public async Task<BroadcastPreview> PreviewAsync(AudienceFilter filter, CancellationToken cancellationToken)
    {
        var (recipients, blocked) = await ResolveAsync(filter, cancellationToken);
        return await PriceAsync(null, recipients, blocked.Count, cancellationToken);
    }

    /// <summary>Resolves the audience and stores a draft that waits for <see cref="ConfirmAsync"/>; no draft when it is refused.</summary>
    public async Task<BroadcastPreview> CreateDraftAsync(string text, AudienceFilter filter, DateTimeOffset? dueAt, string createdBy, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Length > MaxTextLength)
        {
            return new BroadcastPreview(null, new Dictionary<string, int>(), 0, 0, null, $"The text must have 1 to {MaxTextLength} characters.");
        }

        var (recipients, blocked) = await ResolveAsync(filter, cancellationToken);
        var preview = await PriceAsync(null, recipients, blocked.Count, cancellationToken);
        if (preview.Refusal is not null)
        {
            return preview;
        }

        if (preview.Total == 0)
        {
            return preview with { Refusal = "Nobody matches this audience; nothing to send." };
        }

        var now = time.GetUtcNow();
        var id = BroadcastStore.NewId(now);
        var job = new BroadcastJob(id, text, filter.ToString(), createdBy, now, dueAt ?? now, BroadcastStatus.Draft, null, []);
        await store.CreateAsync(job, recipients, blocked);
        return preview with { JobId = id };
    }

    /// <summary>Starts (or schedules) a draft. The LINE quota is checked again: it may have been used up meanwhile.</summary>
    public async Task<(bool Ok, string Message)> ConfirmAsync(string id, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(id);
        if (job is null || job.Status != BroadcastStatus.Draft)
        {
            return (false, "This broadcast was already confirmed or cancelled.");
        }

        var lineAudience = job.Channels.Where(c => c.Channel == "line").Sum(c => c.Audience - c.Blocked);
        var (_, refusal) = await LineQuotaAsync(lineAudience, cancellationToken);
        if (refusal is not null)
        {
            await store.CancelAsync(id);
            return (false, refusal);
        }

        if (!await store.ScheduleAsync(id, null))
        {
            // Cancelled (or confirmed by someone else) while the quota was checked.
            return (false, "This broadcast was already confirmed or cancelled.");
        }

        wakeup.Wake();
        var now = time.GetUtcNow();
        return (true, job.DueAt > now.AddSeconds(5)
            ? $"Scheduled for {job.DueAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} (Taiwan time). Broadcast {id}."
            : $"Sending now. Broadcast {id}; you will get a delivery report when it is done.");
    }

    public Task<bool> CancelAsync(string id) => store.CancelAsync(id);

    private async Task<(Dictionary<string, List<string>> Recipients, List<(string Member, string Channel)> Blocked)> ResolveAsync(AudienceFilter filter, CancellationToken cancellationToken)
    {
        var students = await directory.AllAsync(cancellationToken);
        var blockedSet = await directory.BlockedAsync();
        var recipients = AudienceFilter.BroadcastChannels.ToDictionary(c => c, _ => new List<string>(), StringComparer.Ordinal);
        var blocked = new List<(string, string)>();
        foreach (var s in students.Where(s => recipients.ContainsKey(s.Channel) && filter.Matches(s)))
        {
            if (blockedSet.Contains(s.Key))
            {
                blocked.Add((s.Key, s.Channel));
            }
            else
            {
                recipients[s.Channel].Add(s.Key);
            }
        }

        return (recipients, blocked);
    }

    private async Task<BroadcastPreview> PriceAsync(string? id, Dictionary<string, List<string>> recipients, int blocked, CancellationToken cancellationToken)
    {
        var lineCost = recipients["line"].Count;
        var (remaining, refusal) = await LineQuotaAsync(lineCost, cancellationToken);
        return new BroadcastPreview(id, recipients.ToDictionary(p => p.Key, p => p.Value.Count), blocked, lineCost, remaining, refusal);
    }

    /// <summary>Remaining push messages this month (null: unlimited or LINE off), and a refusal when <paramref name="cost"/> exceeds it.</summary>
    private async Task<(long? Remaining, string? Refusal)> LineQuotaAsync(long cost, CancellationToken cancellationToken)
    {
        if (cost == 0)
        {
            return (null, null);
        }

        if (services.GetService<LineMessagingClient>() is not { } line)
        {
            return (null, "LINE is not configured on this host, so its students cannot be reached. Narrow the audience with channel=tg.");
        }

        try
        {
            var quota = await line.GetQuotaAsync(cancellationToken);
            if (quota.Type != "limited" || quota.Value is not { } value)
            {
                return (null, null);
            }

            var used = (await line.GetQuotaConsumptionAsync(cancellationToken)).TotalUsage;
            var remaining = Math.Max(0, value - used);
            return cost <= remaining
                ? (remaining, null)
                : (remaining, $"Sorry, this would use {cost} LINE push messages but only {remaining} are left this month. Narrow the audience (e.g. channel=tg) or wait for next month.");
        }
        catch (Exception e) when (e is HttpRequestException or LineApiException)
        {
            return (null, "LINE's quota could not be read just now, so the broadcast was not started. Please try again in a minute.");
        }
    }
}

/// <summary>Lets a confirmation start the runner at once instead of at its next tick.</summary>
public sealed class BroadcastWakeup
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Returns when woken or after <paramref name="timeout"/> on the host's clock, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = signal.WaitAsync(both.Token);
        var tick = Task.Delay(timeout, time, both.Token);
        await Task.WhenAny(woken, tick);
        await both.CancelAsync();
        try
        {
            await Task.WhenAll(woken, tick);
        }
        catch (OperationCanceledException)
        {
            // The loser was cancelled (or the host is stopping; the caller sees its own token).
        }
    }
}
