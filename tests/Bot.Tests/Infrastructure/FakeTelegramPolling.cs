using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Bot.Tests.Infrastructure;

/// <summary>getUpdates long polling and webhooks, with Telegram's rules for offsets and conflicts.</summary>
public sealed partial class FakeTelegramServer
{
    // Telegram holds these back unless a bot asks for them by name.
    private static readonly string[] OptInUpdateTypes = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly List<JsonObject> _pending = [];
    private readonly HttpClient _webhookClient = new();
    private long _nextUpdateId = 100_000;
    private long _confirmedOffset;
    private int _conflicts;
    private int _polls;
    private string[]? _allowedUpdates;
    private CancellationTokenSource? _activePoll;
    private JsonObject? _webhook;

    /// <summary>The highest offset a getUpdates call has confirmed (0 before any).</summary>
    public long ConfirmedOffset
    {
        get { lock (_gate) { return _confirmedOffset; } }
    }

    /// <summary>How many getUpdates calls the bot has made.</summary>
    public int Polls
    {
        get { lock (_gate) { return _polls; } }
    }

    /// <summary>Updates queued and not yet confirmed by an offset.</summary>
    public int PendingUpdates
    {
        get { lock (_gate) { return _pending.Count; } }
    }

    /// <summary>How many getUpdates calls ended with 409 Conflict (a second poller, or polling while a webhook is set).</summary>
    public int Conflicts
    {
        get { lock (_gate) { return _conflicts; } }
    }

    /// <summary>True while a getUpdates call is open on the server (tests wait for it before racing a second poller).</summary>
    public bool IsPolling
    {
        get { lock (_gate) { return _activePoll is not null; } }
    }

    /// <summary>The last setWebhook parameters (url, secret_token, allowed_updates...), null when none is set.</summary>
    public JsonObject? Webhook
    {
        get { lock (_gate) { return _webhook?.DeepClone().AsObject(); } }
    }

    /// <summary>Removes and returns the queued updates, for a test that delivers them itself (e.g. alternately to several hosts).</summary>
    public IReadOnlyList<JsonObject> TakePending()
    {
        lock (_gate)
        {
            var taken = _pending.ToList();
            _pending.Clear();
            SignalChange();
            return taken;
        }
    }

    /// <summary>POSTs an update to a webhook the way Telegram does, with the secret header when given.</summary>
    public async Task<HttpStatusCode> PostUpdateToWebhookAsync(string url, JsonObject update, string? secret, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(update) };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        using var response = await _webhookClient.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>
    /// Delivers queued updates to the webhook set by the bot, oldest first, removing each one the bot
    /// accepts with 2xx (Telegram retries the rest later). Returns the status of each delivery.
    /// </summary>
    public async Task<IReadOnlyList<HttpStatusCode>> DeliverPendingToWebhookAsync(CancellationToken cancellationToken = default)
    {
        var statuses = new List<HttpStatusCode>();
        while (true)
        {
            JsonObject update;
            string url;
            string? secret;
            lock (_gate)
            {
                if (_webhook is null)
                {
                    throw new InvalidOperationException("The bot has not called setWebhook.");
                }
                if (_pending.Count == 0)
                {
                    return statuses;
                }
                (update, url, secret) = (_pending[0], (string)_webhook["url"]!, (string?)_webhook["secret_token"]);
            }
            var status = await PostUpdateToWebhookAsync(url, update, secret, cancellationToken);
            statuses.Add(status);
            if ((int)status is < 200 or > 299)
            {
                return statuses;
            }
            lock (_gate)
            {
                _pending.Remove(update);
                SignalChange();
            }
        }
    }

    private async Task<ApiReply> GetUpdatesAsync(ApiRequest request, CancellationToken aborted)
    {
        var limit = (int)Math.Clamp(request.Long("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, request.Long("timeout") ?? 0));
        using var poll = new CancellationTokenSource();
        lock (_gate)
        {
            if (_webhook is not null)
            {
                _conflicts++;
                return ApiReply.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }
            _polls++;
            // Like Telegram, a new poll terminates the one already open (that one answers 409).
            _activePoll?.Cancel();
            _activePoll = poll;
            SignalChange();
            Confirm(request.Long("offset"));
            if (request.Parameters["allowed_updates"] is JsonArray allowed)
            {
                _allowedUpdates = [.. allowed.Select(a => (string)a!)];
            }
        }
        try
        {
            return await WaitForUpdatesAsync(limit, _time.GetUtcNow() + timeout, poll.Token, aborted);
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == poll)
                {
                    _activePoll = null;
                    SignalChange();
                }
            }
        }
    }

    private async Task<ApiReply> WaitForUpdatesAsync(int limit, DateTimeOffset deadline, CancellationToken terminated, CancellationToken aborted)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(terminated, aborted);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var batch = TakeBatch(limit);
                var remaining = deadline - _time.GetUtcNow();
                if (batch.Count > 0 || remaining <= TimeSpan.Zero)
                {
                    return ApiReply.Ok(batch);
                }
                changed = _changed.Task.WaitAsync(remaining, either.Token);
            }
            try
            {
                await changed;
            }
            catch (TimeoutException)
            {
                // The poll's timeout passed with nothing new: loop once more and answer an empty list.
            }
            catch (OperationCanceledException) when (terminated.IsCancellationRequested)
            {
                lock (_gate)
                {
                    _conflicts++;
                }
                return ApiReply.Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
            }
        }
    }

    /// <summary>Updates stay queued until a later offset confirms them; types the bot did not allow are dropped.</summary>
    private JsonArray TakeBatch(int limit)
    {
        var allowed = _allowedUpdates is { Length: > 0 } ? _allowedUpdates : null;
        _pending.RemoveAll(u => allowed is null ? OptInUpdateTypes.Contains(UpdateType(u)) : !allowed.Contains(UpdateType(u)));
        return [.. _pending.Take(limit).Select(u => u.DeepClone())];
    }

    private void Confirm(long? offset)
    {
        if (offset is > 0)
        {
            _pending.RemoveAll(u => (long)u["update_id"]! < offset);
            _confirmedOffset = Math.Max(_confirmedOffset, offset.Value);
            SignalChange();
        }
        else if (offset is < 0)
        {
            // A negative offset keeps only the last -offset updates, forgetting all earlier ones.
            _pending.RemoveRange(0, Math.Max(0, _pending.Count + (int)offset.Value));
            SignalChange();
        }
    }

    private static string UpdateType(JsonObject update) => update.First(p => p.Key != "update_id").Key;

    private ApiReply SetWebhook(ApiRequest request)
    {
        lock (_gate)
        {
            _webhook = request.Parameters.DeepClone().AsObject();
            _activePoll?.Cancel();
            if (request.Parameters["drop_pending_updates"] is JsonValue drop && (bool)drop)
            {
                _pending.Clear();
            }
            SignalChange();
        }
        return ApiReply.Ok(true) with { Body = new JsonObject { ["ok"] = true, ["result"] = true, ["description"] = "Webhook was set" } };
    }

    private ApiReply DeleteWebhook(ApiRequest request)
    {
        lock (_gate)
        {
            var existed = _webhook is not null;
            _webhook = null;
            if (request.Parameters["drop_pending_updates"] is JsonValue drop && (bool)drop)
            {
                _pending.Clear();
            }
            SignalChange();
            var description = existed ? "Webhook was deleted" : "Webhook is already deleted";
            return ApiReply.Ok(true) with { Body = new JsonObject { ["ok"] = true, ["result"] = true, ["description"] = description } };
        }
    }

    private ApiReply GetWebhookInfo()
    {
        lock (_gate)
        {
            var info = new JsonObject
            {
                ["url"] = (string?)_webhook?["url"] ?? string.Empty,
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = _pending.Count,
            };
            if (_webhook?["max_connections"] is { } max)
            {
                info["max_connections"] = max.DeepClone();
            }
            if (_webhook?["allowed_updates"] is { } allowed)
            {
                info["allowed_updates"] = allowed.DeepClone();
            }
            return ApiReply.Ok(info);
        }
    }
}
