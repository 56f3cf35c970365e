using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Bot.Bench.Engine;

/// <summary>An update the fake serves, with what the benchmark expects back and when it came.</summary>
public sealed class QueuedUpdate(long id, long chat, byte[] json, int messages)
{
    public long Id { get; } = id;

    public long Chat { get; } = chat;

    public byte[] Json { get; } = json;

    /// <summary>How many sendMessage calls the turn makes (known from running the dialog offline).</summary>
    public int Messages { get; } = messages;

    public long AvailableAt { get; set; }

    /// <summary>First reply of any kind (answerCallbackQuery or sendMessage).</summary>
    public long FirstReplyAt { get; set; }

    public long FirstMessageAt { get; set; }

    public long DoneAt { get; set; }
}

/// <summary>
/// A minimal, fast Bot API on 127.0.0.1: getUpdates serves a backlog by offset/limit and returns as soon as
/// something arrives; sendMessage/answerCallbackQuery/editMessageText/editMessageReplyMarkup answer minimal valid JSON and record,
/// per chat, when each update got its first reply. Optionally limits messages to N/s with 429 retry_after: a token
/// bucket (one second's allowance) or, as Telegram does, a sliding one-second window (<see cref="SlidingWindow"/>).
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private static readonly byte[] TrueResult = """{"ok":true,"result":true}"""u8.ToArray();
    private static readonly byte[] TooMany = """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}"""u8.ToArray();
    private static readonly byte[] Me = """{"ok":true,"result":{"id":123,"is_bot":true,"first_name":"ARC Helper","username":"arc_helper_bot"}}"""u8.ToArray();

    private readonly Lock gate = new();
    private readonly List<QueuedUpdate> updates = [];
    private readonly Dictionary<long, ChatTrack> chats = [];
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? app;
    private long completed;
    private long confirmed;
    private long messagesSent;
    private long rejected;
    private readonly Queue<long> accepted = new();
    private double tokens;
    private long tokensAt;

    /// <summary>Messages per second allowed before 429; 0 = no limit.</summary>
    public int MessageLimit { get; set; }

    /// <summary>
    /// True: at most <see cref="MessageLimit"/> messages in any sliding second, as Telegram counts, answering 429 with
    /// retry_after = the seconds until the oldest of them leaves the window (at least 1). False: a token bucket.
    /// </summary>
    public bool SlidingWindow { get; set; }

    public string BaseUrl { get; private set; } = string.Empty;

    public long Completed => Interlocked.Read(ref completed);

    public long MessagesSent => Interlocked.Read(ref messagesSent);

    public long Rejected => Interlocked.Read(ref rejected);

    public long NextId
    {
        get
        {
            lock (gate)
            {
                return updates.Count + 1;
            }
        }
    }

    /// <summary>Called (outside the lock) when every message of an update's turn has arrived.</summary>
    public Action<QueuedUpdate>? TurnDone { get; set; }

    public async Task StartAsync()
    {
        app = await LoopbackServer.StartAsync(HandleAsync);
        BaseUrl = app.Urls.First();
    }

    /// <summary>Makes updates available now (ids are assigned in order); returns them.</summary>
    public IReadOnlyList<QueuedUpdate> Release(IEnumerable<(long Chat, Func<long, byte[]> Json, int Messages)> items)
    {
        var now = Stopwatch.GetTimestamp();
        var added = new List<QueuedUpdate>();
        TaskCompletionSource signal;
        lock (gate)
        {
            foreach (var (chat, json, messages) in items)
            {
                var id = updates.Count + 1;
                var update = new QueuedUpdate(id, chat, json(id), messages) { AvailableAt = now };
                updates.Add(update);
                added.Add(update);
                if (!chats.TryGetValue(chat, out var track))
                {
                    chats[chat] = track = new ChatTrack();
                }

                track.Pending.Enqueue(update);
            }

            signal = arrived;
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
        return added;
    }

    public QueuedUpdate Get(long id)
    {
        lock (gate)
        {
            return updates[(int)id - 1];
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = path[(path.LastIndexOf('/') + 1)..];
        var body = await ReadBodyAsync(context.Request);
        var now = Stopwatch.GetTimestamp();
        context.Response.ContentType = "application/json";
        switch (method)
        {
            case "getUpdates":
                await GetUpdatesAsync(context, body);
                return;
            case "sendMessage":
            case "editMessageText":
                if (Refuse(now) is { } retryAfter)
                {
                    Interlocked.Increment(ref rejected);
                    context.Response.StatusCode = 429;
                    await context.Response.Body.WriteAsync(retryAfter == 1 ? TooMany : TooManyFor(retryAfter));
                    return;
                }

                var chat = BodyField.Long(body, "chat_id"u8);
                Interlocked.Increment(ref messagesSent);
                Message(chat, now);
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"ok\":true,\"result\":{\"message_id\":" + (now & 0x3fffffff) + ",\"date\":1764000000,\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"ok\"}}"));
                return;
            case "answerCallbackQuery":
                var query = BodyField.String(body, "callback_query_id"u8);
                if (query is ['q', .. var rest] && long.TryParse(rest, out var updateId))
                {
                    var update = Get(updateId);
                    if (update.FirstReplyAt == 0)
                    {
                        update.FirstReplyAt = now;
                    }
                }

                await context.Response.Body.WriteAsync(TrueResult);
                return;
            case "editMessageReplyMarkup":
                // An answered question's buttons taken away: not a message the benchmark waits for, but answered as Telegram does.
                var edited = BodyField.Long(body, "chat_id"u8);
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"ok\":true,\"result\":{\"message_id\":" + BodyField.Long(body, "message_id"u8) + ",\"date\":1764000000,\"chat\":{\"id\":" + edited + ",\"type\":\"private\"},\"text\":\"ok\"}}"));
                return;
            case "sendDocument":
            case "sendPhoto":
                // The prepared photo and the printable summary: multipart/form-data, a message like any other.
                var to = MultipartField.Long(body, "chat_id");
                Interlocked.Increment(ref messagesSent);
                Message(to, now);
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"ok\":true,\"result\":{\"message_id\":" + (now & 0x3fffffff) + ",\"date\":1764000000,\"chat\":{\"id\":" + to + ",\"type\":\"private\"},\"document\":{\"file_id\":\"f\",\"file_unique_id\":\"u\"}}}"));
                return;
            case "getMyDescription":
                await context.Response.Body.WriteAsync("""{"ok":true,"result":{"description":""}}"""u8.ToArray());
                return;
            case "getMyShortDescription":
                await context.Response.Body.WriteAsync("""{"ok":true,"result":{"short_description":""}}"""u8.ToArray());
                return;
            case "getMe":
                await context.Response.Body.WriteAsync(Me);
                return;
            default:
                await context.Response.Body.WriteAsync(TrueResult);
                return;
        }
    }

    /// <summary>Null when the message may go, else the retry_after (seconds) of the 429.</summary>
    private int? Refuse(long now)
    {
        if (MessageLimit <= 0)
        {
            return null;
        }

        if (!SlidingWindow)
        {
            return TakeToken(now) ? null : 1;
        }

        lock (gate)
        {
            while (accepted.Count > 0 && Stopwatch.GetElapsedTime(accepted.Peek(), now) >= TimeSpan.FromSeconds(1))
            {
                accepted.Dequeue();
            }

            if (accepted.Count >= MessageLimit)
            {
                // Refused sends deliver nothing, so they do not use the window up.
                var left = TimeSpan.FromSeconds(1) - Stopwatch.GetElapsedTime(accepted.Peek(), now);
                return Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
            }

            accepted.Enqueue(now);
            return null;
        }
    }

    private static byte[] TooManyFor(int seconds) =>
        Encoding.UTF8.GetBytes("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + seconds + "\",\"parameters\":{\"retry_after\":" + seconds + "}}");

    private bool TakeToken(long now)
    {
        lock (gate)
        {
            // A token bucket holding at most one second's allowance.
            tokens = Math.Min(MessageLimit, tokens + (Stopwatch.GetElapsedTime(tokensAt, now).TotalSeconds * MessageLimit));
            tokensAt = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens--;
            return true;
        }
    }

    public void ResetBucket()
    {
        lock (gate)
        {
            accepted.Clear();
            tokens = MessageLimit;
            tokensAt = Stopwatch.GetTimestamp();
        }
    }

    private void Message(long chat, long now)
    {
        QueuedUpdate? done = null;
        lock (gate)
        {
            if (!chats.TryGetValue(chat, out var track) || track.Pending.Count == 0)
            {
                return;
            }

            var update = track.Pending.Peek();
            track.Seen++;
            if (update.FirstReplyAt == 0)
            {
                update.FirstReplyAt = now;
            }

            if (update.FirstMessageAt == 0)
            {
                update.FirstMessageAt = now;
            }

            if (track.Seen >= update.Messages)
            {
                update.DoneAt = now;
                track.Pending.Dequeue();
                track.Seen = 0;
                done = update;
            }
        }

        if (done is not null)
        {
            Interlocked.Increment(ref completed);
            TurnDone?.Invoke(done);
        }
    }

    private async Task GetUpdatesAsync(HttpContext context, byte[] body)
    {
        // As Telegram: an offset confirms every update before it; without one, the oldest unconfirmed comes first.
        var offset = BodyField.Long(body, "offset"u8);
        lock (gate)
        {
            confirmed = Math.Max(confirmed, offset);
            offset = Math.Max(1, confirmed);
        }

        var limit = (int)BodyField.Long(body, "limit"u8);
        limit = limit is <= 0 or > 100 ? 100 : limit;
        var timeout = TimeSpan.FromSeconds(BodyField.Long(body, "timeout"u8));
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task wait;
            List<byte[]> batch = [];
            lock (gate)
            {
                for (var i = (int)offset - 1; i < updates.Count && batch.Count < limit; i++)
                {
                    batch.Add(updates[i].Json);
                }

                wait = arrived.Task;
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (batch.Count > 0 || left <= TimeSpan.Zero || context.RequestAborted.IsCancellationRequested)
            {
                await WriteUpdatesAsync(context, batch);
                return;
            }

            await Task.WhenAny(wait, Task.Delay(left, context.RequestAborted));
        }
    }

    private static async Task WriteUpdatesAsync(HttpContext context, List<byte[]> batch)
    {
        var output = context.Response.BodyWriter;
        output.Write("""{"ok":true,"result":["""u8);
        for (var i = 0; i < batch.Count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            output.Write(batch[i]);
        }

        output.Write("]}"u8);
        await output.FlushAsync();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private sealed class ChatTrack
    {
        public Queue<QueuedUpdate> Pending { get; } = new();

        public int Seen { get; set; }
    }
}
