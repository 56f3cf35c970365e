using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bot.Host.Line.Api;
using Microsoft.Extensions.Options;

namespace Bot.Host.Line;

/// <summary>
/// The Messaging API calls the bot uses. Typed HttpClient: base address and bearer token are set at registration
/// (<see cref="LineRegistration"/>); push, multicast and broadcast are marked retryable, reply never is.
/// </summary>
/// <param name="metrics">Counts replies and pushes; none in a host built with only the LINE client (its tests).</param>
public sealed partial class LineMessagingClient(HttpClient http, IOptions<LineOptions> options, LineMetrics? metrics = null)
{
    public const string RetryKeyHeader = "X-Line-Retry-Key";
    public const string AcceptedRequestIdHeader = "x-line-accepted-request-id";

    /// <summary>Read by the resilience pipeline: only requests carrying a retry key may be sent twice.</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("Line.Retryable");

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    /// <summary>Never retried: a reply token is single-use, a second attempt could only fail or double-send.</summary>
    public async Task<LineReplyResult> ReplyAsync(string replyToken, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyToken);
        LineMessageGuard.CheckMessages(messages);
        using var request = Post("v2/bot/message/reply", new ReplyMessageRequest(replyToken, messages), LineJsonContext.Default.ReplyMessageRequest);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            if (string.Equals(error?.Message, "Invalid reply token", StringComparison.OrdinalIgnoreCase))
            {
                metrics?.Sent("reply", "refused");
                return new LineReplyResult(LineReplyStatus.InvalidReplyToken, []);
            }

            metrics?.Sent("reply", "failed");
            throw new LineApiException(response.StatusCode, error);
        }

        var sent = await Counted("reply", 1, ReadSuccessAsync(response, LineJsonContext.Default.SentMessagesResponse, cancellationToken));
        return new LineReplyResult(LineReplyStatus.Sent, sent?.SentMessages ?? []);
    }

    /// <summary>Use one <paramref name="retryKey"/> per logical send: LINE delivers at most once per key.</summary>
    public Task<LineSendResult> PushAsync(string to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(to);
        LineMessageGuard.CheckMessages(messages);
        return Counted("push", 1, SendWithRetryKeyAsync(
            Post("v2/bot/message/push", new PushMessageRequest(to, messages), LineJsonContext.Default.PushMessageRequest), retryKey, cancellationToken));
    }

    public Task<LineSendResult> MulticastAsync(IReadOnlyList<string> to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default)
    {
        LineMessageGuard.CheckRecipients(to);
        LineMessageGuard.CheckMessages(messages);
        return Counted("multicast", to.Count, SendWithRetryKeyAsync(
            Post("v2/bot/message/multicast", new MulticastRequest(to, messages), LineJsonContext.Default.MulticastRequest), retryKey, cancellationToken));
    }

    public Task<LineSendResult> BroadcastAsync(IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default)
    {
        LineMessageGuard.CheckMessages(messages);
        return Counted("broadcast", 1, SendWithRetryKeyAsync(
            Post("v2/bot/message/broadcast", new BroadcastRequest(messages), LineJsonContext.Default.BroadcastRequest), retryKey, cancellationToken));
    }

    /// <summary>Null when LINE does not know the user or the user has not added the account.</summary>
    public async Task<UserProfile?> GetProfileAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        using var response = await http.GetAsync($"v2/bot/profile/{Uri.EscapeDataString(userId)}", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await ReadSuccessAsync(response, LineJsonContext.Default.UserProfile, cancellationToken);
    }

    /// <summary>Shows "typing…" in a one-to-one chat until our next message or the time runs out (5–60 s, step 5).</summary>
    public async Task ShowLoadingAsync(string chatId, int seconds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(chatId);
        if (seconds < LineLimits.MinLoadingSeconds || seconds > LineLimits.MaxLoadingSeconds || seconds % 5 != 0)
        {
            throw new LineLimitException($"LINE loading takes a multiple of 5 seconds from 5 to 60; got {seconds}.");
        }

        using var request = Post("v2/bot/chat/loading/start", new ShowLoadingAnimationRequest(chatId, seconds), LineJsonContext.Default.ShowLoadingAnimationRequest);
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowIfFailedAsync(response, cancellationToken);
    }

    /// <summary>Downloads what a user sent (image, file, …) from the data host, reading at most <see cref="LineOptions.MaxContentBytes"/>.</summary>
    public async Task<LineContent> GetMessageContentAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var limit = options.Value.MaxContentBytes;
        var uri = new Uri($"{options.Value.DataApiBaseUrl.TrimEnd('/')}/v2/bot/message/{Uri.EscapeDataString(messageId)}/content");
        // Headers first, so an oversized body is refused before it is read.
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        // 202 means LINE is still preparing (video/audio); it is not content.
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            throw new LineApiException(response.StatusCode, new LineErrorResponse("Content is still being prepared"));
        }

        await ThrowIfFailedAsync(response, cancellationToken);
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new LineContentTooLargeException(messageId, limit);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var data = await ReadCappedAsync(body, messageId, limit, cancellationToken);
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        return new LineContent(data, contentType);
    }

    public async Task<MessageQuota> GetQuotaAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("v2/bot/message/quota", cancellationToken);
        return await ReadSuccessAsync(response, LineJsonContext.Default.MessageQuota, cancellationToken)
            ?? throw new LineApiException(response.StatusCode, null);
    }

    public async Task<QuotaConsumption> GetQuotaConsumptionAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("v2/bot/message/quota/consumption", cancellationToken);
        return await ReadSuccessAsync(response, LineJsonContext.Default.QuotaConsumption, cancellationToken)
            ?? throw new LineApiException(response.StatusCode, null);
    }

    /// <summary>Tells LINE where to deliver this channel's webhooks (an https URL).</summary>
    public async Task SetWebhookEndpointAsync(string endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        using var request = Json(HttpMethod.Put, "v2/bot/channel/webhook/endpoint", new SetWebhookEndpointRequest(endpoint), LineJsonContext.Default.SetWebhookEndpointRequest);
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowIfFailedAsync(response, cancellationToken);
    }

    /// <summary>The webhook URL LINE has, and whether "Use webhook" is on.</summary>
    public async Task<WebhookEndpointInfo> GetWebhookEndpointAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("v2/bot/channel/webhook/endpoint", cancellationToken);
        return await ReadSuccessAsync(response, LineJsonContext.Default.WebhookEndpointInfo, cancellationToken)
            ?? throw new LineApiException(response.StatusCode, null);
    }

    /// <summary>Counts a send once its answer is in: sent, or failed (the exception goes on).</summary>
    private async Task<T> Counted<T>(string kind, int recipients, Task<T> send)
    {
        try
        {
            var result = await send;
            metrics?.Sent(kind, "sent", recipients);
            return result;
        }
        catch (Exception e) when (e is LineApiException or HttpRequestException)
        {
            metrics?.Sent(kind, "failed", recipients);
            throw;
        }
    }

    private async Task<LineSendResult> SendWithRetryKeyAsync(HttpRequestMessage request, Guid retryKey, CancellationToken cancellationToken)
    {
        using (request)
        {
            // The same request object (and so the same key) is re-sent on every retry; LINE then delivers at most once.
            request.Headers.Add(RetryKeyHeader, retryKey.ToString("D"));
            request.Options.Set(Retryable, true);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                // An earlier attempt with this key got through (its response was lost): that is success.
                var accepted = response.Headers.TryGetValues(AcceptedRequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
                return new LineSendResult(LineSendStatus.AlreadyAccepted, [], accepted);
            }

            var sent = await ReadSuccessAsync(response, LineJsonContext.Default.SentMessagesResponse, cancellationToken);
            return new LineSendResult(LineSendStatus.Sent, sent?.SentMessages ?? []);
        }
    }

    private static HttpRequestMessage Post<T>(string path, T body, JsonTypeInfo<T> typeInfo) => Json(HttpMethod.Post, path, body, typeInfo);

    private static HttpRequestMessage Json<T>(HttpMethod method, string path, T body, JsonTypeInfo<T> typeInfo)
    {
        // Serialised once, so every retry sends identical bytes.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = JsonType;
        return new HttpRequestMessage(method, path) { Content = content };
    }

    private static async Task<T?> ReadSuccessAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await ThrowIfFailedAsync(response, cancellationToken);
        // Multicast, broadcast and loading answer {} or nothing.
        return response.Content.Headers.ContentLength == 0
            ? default
            : await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken);
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new LineApiException(response.StatusCode, await ReadErrorAsync(response, cancellationToken));
        }
    }

    private static async Task<LineErrorResponse?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(LineJsonContext.Default.LineErrorResponse, cancellationToken);
        }
        catch (JsonException)
        {
            return null; // e.g. an HTML page from a proxy; the status code still tells what happened.
        }
    }

    private static async Task<byte[]> ReadCappedAsync(Stream body, string messageId, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            // Content-Length can be absent (chunked), so the cap is enforced while reading too.
            if (buffer.Length + read > limit)
            {
                throw new LineContentTooLargeException(messageId, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
