using System.Diagnostics;
using System.Text;

namespace Bot.Bench.Engine;

/// <summary>
/// A minimal, fast LINE Messaging API on 127.0.0.1: reply and push answer <c>{}</c>, the profile gives a language,
/// quota answers "none". Reply tokens are "rt&lt;index&gt;", so each reply records when event &lt;index&gt; got its first reply.
/// </summary>
public sealed class FakeLineApi(int capacity) : IAsyncDisposable
{
    private static readonly byte[] Empty = "{}"u8.ToArray();
    private static readonly byte[] Quota = """{"type":"none"}"""u8.ToArray();
    private static readonly byte[] Consumption = """{"totalUsage":0}"""u8.ToArray();
    private static readonly byte[] TokenKey = "\"replyToken\":\"rt"u8.ToArray();

    private readonly long[] repliedAt = new long[capacity];
    private WebApplication? app;
    private long replies;
    private long pushes;
    private long others;

    public string BaseUrl { get; private set; } = string.Empty;

    public long Replies => Interlocked.Read(ref replies);

    public long Pushes => Interlocked.Read(ref pushes);

    public long Others => Interlocked.Read(ref others);

    /// <summary>Stopwatch timestamp of event <paramref name="index"/>'s first reply, 0 if none yet.</summary>
    public long RepliedAt(int index) => Volatile.Read(ref repliedAt[index]);

    public async Task StartAsync()
    {
        app = await LoopbackServer.StartAsync(HandleAsync);
        BaseUrl = app.Urls.First();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        byte[] answer = Empty;
        if (path == "/v2/bot/message/reply")
        {
            var now = Stopwatch.GetTimestamp();
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var index = TokenIndex(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            if (index >= 0 && index < repliedAt.Length)
            {
                Interlocked.CompareExchange(ref repliedAt[index], now, 0);
            }

            Interlocked.Increment(ref replies);
        }
        else if (path == "/v2/bot/message/push")
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref pushes);
        }
        else if (path.StartsWith("/v2/bot/profile/", StringComparison.Ordinal))
        {
            answer = Encoding.UTF8.GetBytes($$"""{"userId":"{{path["/v2/bot/profile/".Length..]}}","displayName":"Student","language":"en"}""");
            Interlocked.Increment(ref others);
        }
        else if (path == "/v2/bot/message/quota")
        {
            answer = Quota;
        }
        else if (path == "/v2/bot/message/quota/consumption")
        {
            answer = Consumption;
        }
        else
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref others);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer);
    }

    private static int TokenIndex(ReadOnlySpan<byte> body)
    {
        var at = body.IndexOf(TokenKey);
        if (at < 0)
        {
            return -1;
        }

        var value = 0;
        for (var i = at + TokenKey.Length; i < body.Length && body[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            value = (value * 10) + (body[i] - '0');
        }

        return value;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
