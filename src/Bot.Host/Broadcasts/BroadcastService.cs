using Bot.Dialogs.Conversation;
using Bot.Host.Line;

namespace Bot.Host.Broadcasts;

/// <summary>
/// What advisors do with broadcasts, from chat or the dashboard: preview, create, confirm, cancel. Audiences come from the
/// roster (<see cref="BroadcastAudience"/>), limited to the schools the advisor may reach (<c>scope</c>, null: all).
/// Confirmed at night (22:00–08:00 Taiwan time), a broadcast that is not urgent is scheduled for 08:00.
/// </summary>
public sealed class BroadcastService(
    BroadcastAudience audience,
    BroadcastStore store,
    BroadcastWakeup wakeup,
    Audit.AuditTrail audit,
    IServiceProvider services,
    TimeProvider time)
{
    /// <summary>Below Telegram's 4,096 characters and LINE's 5,000.</summary>
    public const int MaxTextLength = BroadcastTexts.MaxTextLength;

    private const int TelegramLimit = 4096;

    /// <summary>The audience as it would be now, and each text as each channel would show it, without creating anything.</summary>
    public async Task<BroadcastPreview> PreviewAsync(BroadcastDraft draft, IReadOnlyCollection<string>? scope, CancellationToken cancellationToken)
    {
        var texts = draft.Texts.Normalized();
        var groups = texts.Texts.Count == 0 ? BroadcastTexts.ForEveryone(string.Empty).Groups() : texts.Groups();
        var everyone = texts.IsSingle || texts.Texts.Count == 0 ? [] : AudienceFilter.BroadcastChannels.Select(c => new AudienceGroup(c, BroadcastTexts.Everyone)).ToList();
        var counts = await audience.CountAsync(draft.Filter.ToQuery(scope), [.. groups, .. everyone]);
        var preview = await PriceAsync(counts.Take(groups.Count).ToList(), cancellationToken) with { Renders = Renders(texts, Bot.Dialogs.Reminders.TaipeiTime.DateOf(time.GetUtcNow())) };
        var reached = counts.Take(groups.Count).Sum(c => c.Students);
        return preview with
        {
            NoTextInLanguage = everyone.Count == 0 ? 0 : (int)(counts.Skip(groups.Count).Sum(c => c.Students) - reached),
            SendsAt = SendsAt(draft.At, draft.Urgent),
        };
    }

    /// <summary>Resolves the audience and stores a draft that waits for <see cref="ConfirmAsync"/>; no draft when it is refused.</summary>
    public async Task<BroadcastPreview> CreateDraftAsync(BroadcastDraft draft, string createdBy, IReadOnlyCollection<string>? scope, CancellationToken cancellationToken)
    {
        var texts = draft.Texts.Normalized();
        if (texts.Problem() is { } problem)
        {
            return Refused(problem.Code, problem.Message);
        }

        var query = draft.Filter.ToQuery(scope);
        var groups = texts.Groups();
        var counts = await audience.CountAsync(query, groups);
        var preview = await PriceAsync(counts, cancellationToken) with { Renders = Renders(texts, Bot.Dialogs.Reminders.TaipeiTime.DateOf(time.GetUtcNow())), SendsAt = SendsAt(draft.At, draft.Urgent) };
        if (preview.Refusal is not null)
        {
            return preview;
        }

        if (preview.Total == 0)
        {
            return preview with { Refusal = "Nobody matches this audience; nothing to send.", RefusalCode = "nobody" };
        }

        var now = time.GetUtcNow();
        var id = BroadcastStore.NewId(now);
        counts = await audience.FillAsync(query, groups, (group, members) => store.AddRecipientsAsync(id, group, members), members => store.AddBlockedAsync(id, members));
        var job = new BroadcastJob(id, texts.Display, draft.Filter.ToString(), createdBy, now, draft.At ?? now, BroadcastStatus.Draft, null, [])
        {
            Texts = texts,
            Urgent = draft.Urgent,
            Scope = scope?.Order(StringComparer.Ordinal).ToList(),
            Groups = groups,
        };
        await store.CreateAsync(job, counts);
        return preview with { JobId = id };
    }

    /// <summary>Starts (or schedules) a draft. The LINE quota is checked again: it may have been used up meanwhile.</summary>
    public async Task<(bool Ok, string Message)> ConfirmAsync(string id, string who, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(id);
        if (job is null || job.Status != BroadcastStatus.Draft)
        {
            return (false, "This broadcast was already confirmed or cancelled.");
        }

        var lineAudience = job.Channels.Where(c => c.Channel == "line").Sum(c => c.Audience - c.Blocked);
        var (_, refusal, _) = await LineQuotaAsync(lineAudience, cancellationToken);
        if (refusal is not null)
        {
            await store.CancelAsync(id);
            return (false, refusal);
        }

        var now = time.GetUtcNow();
        var due = SendsAt(job.DueAt > now ? job.DueAt : now, job.Urgent)!.Value;
        if (!await store.ScheduleAsync(id, due))
        {
            // Cancelled (or confirmed by someone else) while the quota was checked.
            return (false, "This broadcast was already confirmed or cancelled.");
        }

        wakeup.Wake();
        var audienceSize = job.Channels.Sum(c => c.Audience);
        await audit.RecordAsync(who, "broadcast", id, $"{job.Filter}; {audienceSize} students{(job.Urgent ? "; urgent" : string.Empty)}: {job.Text}");
        if (due > now.AddSeconds(5))
        {
            var night = !job.Urgent && Bot.Dialogs.Reminders.QuietHours.IsQuiet(job.DueAt > now ? job.DueAt : now);
            return (true, $"{(night ? "Night time: held until" : "Scheduled for")} {due.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} (Taiwan time). Broadcast {id}.");
        }

        return (true, $"Sending now. Broadcast {id}; you will get a delivery report when it is done.");
    }

    public async Task<bool> CancelAsync(string id, string who)
    {
        if (!await store.CancelAsync(id))
        {
            return false;
        }

        await audit.RecordAsync(who, "broadcast.cancel", id);
        return true;
    }

    /// <summary>When a broadcast asked for <paramref name="at"/> (null: now) goes out: at night, unless urgent, at 08:00.</summary>
    private DateTimeOffset? SendsAt(DateTimeOffset? at, bool urgent)
    {
        var when = at is { } a && a > time.GetUtcNow() ? a : time.GetUtcNow();
        return urgent ? when : Bot.Dialogs.Reminders.QuietHours.NextAllowed(when);
    }

    /// <summary>Each text as each channel shows it; on LINE a notice naming a date is a card (<see cref="Line.LineDeadlineCards"/>).</summary>
    private static IReadOnlyList<ChannelRender> Renders(BroadcastTexts texts, DateOnly today) =>
    [
        .. texts.Texts.SelectMany(t => new[]
        {
            new ChannelRender(t.Key, "tg", new Reply(t.Value).PlainText, Telegram.TelegramHtml.Render(t.Value), t.Value.Length, TelegramLimit),
            Line.LineDeadlineCards.NoticeCard(t.Value, today) is { } card
                ? new ChannelRender(t.Key, "line", card.Body, null, t.Value.Length, LineLimits.MaxTextLength)
                {
                    CardTitle = card.Title,
                    CardDeadline = card.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                }
                : new ChannelRender(t.Key, "line", t.Value, null, t.Value.Length, LineLimits.MaxTextLength),
        }),
    ];

    private static BroadcastPreview Refused(string code, string message) =>
        new(null, new Dictionary<string, int>(), 0, 0, null, message) { RefusalCode = code };

    private async Task<BroadcastPreview> PriceAsync(IReadOnlyList<GroupCount> counts, CancellationToken cancellationToken)
    {
        var perChannel = AudienceFilter.BroadcastChannels.ToDictionary(c => c, c => (int)counts.Where(g => g.Group.Channel == c).Sum(g => g.Students - g.Blocked), StringComparer.Ordinal);
        var perLanguage = counts.GroupBy(g => g.Group.Language).ToDictionary(g => g.Key, g => (int)g.Sum(c => c.Students - c.Blocked), StringComparer.Ordinal);
        var lineCost = perChannel["line"];
        var (remaining, refusal, code) = await LineQuotaAsync(lineCost, cancellationToken);
        return new BroadcastPreview(null, perChannel, (int)counts.Sum(g => g.Blocked), lineCost, remaining, refusal)
        {
            AudiencePerLanguage = perLanguage,
            RefusalCode = code,
        };
    }

    /// <summary>Remaining push messages this month (null: unlimited or LINE off), and a refusal when <paramref name="cost"/> exceeds it.</summary>
    private async Task<(long? Remaining, string? Refusal, string? Code)> LineQuotaAsync(long cost, CancellationToken cancellationToken)
    {
        if (cost == 0)
        {
            return (null, null, null);
        }

        if (services.GetService<LineMessagingClient>() is not { } line)
        {
            return (null, "LINE is not configured on this host, so its students cannot be reached. Narrow the audience with channel=tg.", "line-off");
        }

        try
        {
            var quota = await line.GetQuotaAsync(cancellationToken);
            if (quota.Type != "limited" || quota.Value is not { } value)
            {
                return (null, null, null);
            }

            var used = (await line.GetQuotaConsumptionAsync(cancellationToken)).TotalUsage;
            var remaining = Math.Max(0, value - used);
            return cost <= remaining
                ? (remaining, null, null)
                : (remaining, $"Sorry, this would use {cost} LINE push messages but only {remaining} are left this month. Narrow the audience (e.g. channel=tg) or wait for next month.", "quota");
        }
        catch (Exception e) when (e is HttpRequestException or LineApiException)
        {
            return (null, "LINE's quota could not be read just now, so the broadcast was not started. Please try again in a minute.", "quota-unknown");
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
