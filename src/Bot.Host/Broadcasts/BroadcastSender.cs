using System.Globalization;
using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Line;
using Bot.Host.Storage;
using Bot.Host.Telegram;
using Microsoft.Extensions.Options;
using global::Telegram.Bot.Exceptions;

namespace Bot.Host.Broadcasts;

/// <summary>
/// Works through one job, group by group (a group's students share a channel and a language, so a text): claims recipients in batches (atomically, so two hosts never take the same student),
/// sends, records each outcome once. Telegram goes one message at a time through the shared rate gate; LINE
/// goes by multicast with a retry key derived from the batch, so a retried batch is delivered once.
/// </summary>
public sealed class BroadcastSender(
    BroadcastStore store,
    TelegramRateGate gate,
    StudentDirectory directory,
    IOptions<BroadcastOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<BroadcastSender> logger,
    BroadcastMetrics metrics)
{
    private const int TelegramBatch = 100;

    /// <summary>
    /// True when the job has nothing left (this host or another finished it). False also when it stopped for the night
    /// (<paramref name="mayGoOn"/> said no between batches): what it claimed was sent and recorded, the rest waits.
    /// </summary>
    public async Task<bool> RunAsync(BroadcastJob job, Func<bool> mayGoOn, CancellationToken cancellationToken)
    {
        var o = options.Value;
        foreach (var group in job.Groups)
        {
            // Claims of a host that died (or this one before a restart) go back to the pending set.
            await store.RequeueAsync(job.Id, group, time.GetUtcNow() - o.ClaimTimeout);
        }

        // Each channel at its own pace: LINE's multicasts do not wait for Telegram's rate gate. Within a channel, one
        // language group after another, each with its own text.
        var telegram = services.GetService<TelegramReplySender>();
        var line = services.GetService<LineMessagingClient>();
        await Task.WhenAll(AudienceFilter.BroadcastChannels.Select(async channel =>
        {
            foreach (var group in job.Groups.Where(g => g.Channel == channel))
            {
                var text = job.Texts.For(group.Language) ?? job.Text;
                await (channel == "tg"
                    ? DrainAsync(job, group, TelegramBatch, batch => SendTelegramAsync(job, group, text, batch, telegram, cancellationToken), mayGoOn, cancellationToken)
                    : DrainAsync(job, group, o.LineBatchSize, batch => SendLineAsync(job, group, text, batch, line), mayGoOn, cancellationToken));
            }
        }));
        cancellationToken.ThrowIfCancellationRequested();
        return await store.IsDrainedAsync(job);
    }

    private async Task DrainAsync(BroadcastJob job, AudienceGroup group, int batchSize, Func<string[], Task> send, Func<bool> mayGoOn, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && mayGoOn())
        {
            var batch = await store.ClaimAsync(job.Id, group, batchSize, time.GetUtcNow());
            if (batch.Length == 0)
            {
                return;
            }

            // A student who used /delete after the audience was read (their pending entry written while they were erased)
            // is dropped here, unsent and unrecorded.
            var gone = await directory.GoneAsync(batch);
            if (gone.Count > 0)
            {
                await store.DropAsync(job.Id, group, gone);
                batch = [.. batch.Except(gone, StringComparer.Ordinal)];
            }

            try
            {
                await send(batch);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: what this host claimed and did not send goes back for the next run (here or on another host).
                await store.ReleaseAsync(job.Id, group, batch);
                throw;
            }
        }
    }

    private async Task SendTelegramAsync(BroadcastJob job, AudienceGroup group, string text, string[] members, TelegramReplySender? telegram, CancellationToken cancellationToken)
    {
        if (members.Length == 0)
        {
            return;
        }

        if (telegram is null)
        {
            foreach (var m in members)
            {
                await store.RecordAsync(job.Id, group, m, "failed");
            }

            metrics.Recipients("tg", "failed", members.Length);
            return;
        }

        var reply = new Reply(text);
        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = options.Value.TelegramParallelism, CancellationToken = cancellationToken }, async (member, ct) =>
        {
            var chatId = long.Parse(StudentKey.Parse(member).Id, CultureInfo.InvariantCulture);
            // The token stops the wait for a send slot; a send that started is finished and recorded, never cut off
            // halfway (Telegram may have delivered it), so a restart cannot send it twice.
            await gate.WaitAsync(ct);
            var outcome = await SendOneTelegramAsync(telegram, chatId, reply, ct);
            if (outcome == "blocked")
            {
                await directory.MarkBlockedAsync(StudentKey.Parse(member));
            }

            // Recorded even if the host is stopping now: the message went out.
            await store.RecordAsync(job.Id, group, member, outcome);
            metrics.Recipients("tg", outcome);
        });
    }

    private async Task<string> SendOneTelegramAsync(TelegramReplySender telegram, long chatId, Reply reply, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (attempt > 0)
            {
                await gate.WaitAsync(cancellationToken);
            }

            try
            {
                // A 429 is waited out inside (every host pauses), so it never ends up here. The token stops only the waiting:
                // a send that started is finished and recorded, never cut off halfway (Telegram may have delivered it).
                await telegram.SendOneAsync(chatId, reply, throwWhenBlocked: true, cancellationToken, CancellationToken.None);
                return "sent";
            }
            catch (ApiRequestException e) when (e.ErrorCode == 403)
            {
                return "blocked";
            }
            catch (ApiRequestException e)
            {
                BroadcastLog.TelegramFailed(logger, e.ErrorCode, e);
                return "failed";
            }
            catch (RequestException e)
            {
                // The network (after the HTTP client's own retries): try again shortly.
                BroadcastLog.TelegramFailed(logger, 0, e);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }

        return "failed";
    }

    private async Task SendLineAsync(BroadcastJob job, AudienceGroup group, string text, string[] members, LineMessagingClient? line)
    {
        if (members.Length == 0)
        {
            return;
        }

        var outcome = "failed";
        if (line is not null)
        {
            var ids = members.Select(m => StudentKey.Parse(m).Id).Order(StringComparer.Ordinal).ToList();
            try
            {
                // Not cut off by shutdown either; the retry key makes a repeat of this batch harmless anyway.
                // A notice naming a date is a card with that deadline prominent (LineDeadlineCards), else plain text.
                var today = Bot.Dialogs.Reminders.TaipeiTime.DateOf(time.GetUtcNow());
                await line.MulticastAsync(ids, [LineDeadlineCards.ForNotice(text, today)], RetryKey(job.Id, ids), CancellationToken.None);
                outcome = "sent";
            }
            catch (Exception e) when (e is LineApiException or HttpRequestException)
            {
                BroadcastLog.LineFailed(logger, members.Length, e);
            }
        }

        // LINE does not say who unfollowed in a multicast; unfollows come by webhook into the blocked set.
        foreach (var m in members)
        {
            await store.RecordAsync(job.Id, group, m, outcome);
        }

        metrics.Recipients("line", outcome, members.Length);
    }

    /// <summary>The same batch always gets the same key, so re-sending it after a crash is accepted once by LINE.</summary>
    private static Guid RetryKey(string jobId, IReadOnlyList<string> ids) => LineRetryKey.From(jobId + "\n" + string.Join('\n', ids));
}
