using System.Text.Json.Nodes;

namespace Bot.Tests.Infrastructure;

/// <summary>Telegram's refusals a bot must survive: flood control (429) and users who blocked the bot (403).</summary>
public sealed partial class FakeTelegramServer
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _recentSends = new();
    private readonly HashSet<long> _blocked = [];

    /// <summary>Null (default) means no flood control; otherwise sends above this many per sliding second get 429.</summary>
    public int? MessagesPerSecondLimit { get; set; }

    public void Block(long chatId)
    {
        lock (_gate)
        {
            _blocked.Add(chatId);
        }
    }

    public void Unblock(long chatId)
    {
        lock (_gate)
        {
            _blocked.Remove(chatId);
        }
    }

    private ApiReply? CheckLimits(string method, ApiRequest request)
    {
        var chatId = request.Long("chat_id");
        lock (_gate)
        {
            if (chatId is { } id && _blocked.Contains(id) && method != "getChat")
            {
                return ApiReply.Error(403, "Forbidden: bot was blocked by the user");
            }
            if (!IsCountedSend(method) || MessagesPerSecondLimit is not { } limit)
            {
                return null;
            }
            var now = _time.GetUtcNow();
            while (_recentSends.Count > 0 && now - _recentSends.Peek() >= RateWindow)
            {
                _recentSends.Dequeue();
            }
            if (_recentSends.Count >= limit)
            {
                var retryAfter = (int)Math.Max(1, Math.Ceiling((_recentSends.Peek() + RateWindow - now).TotalSeconds));
                return ApiReply.Error(429, $"Too Many Requests: retry after {retryAfter}",
                    new JsonObject { ["retry_after"] = retryAfter });
            }
            // Only accepted sends use up the window, as refused ones deliver nothing.
            _recentSends.Enqueue(now);
            return null;
        }
    }

    private static bool IsCountedSend(string method) =>
        method.StartsWith("send", StringComparison.Ordinal) && method != "sendChatAction";
}
