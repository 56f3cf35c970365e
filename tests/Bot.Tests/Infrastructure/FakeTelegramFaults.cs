namespace Bot.Tests.Infrastructure;

/// <summary>
/// Faults a test injects on purpose: Telegram failing sends to a chat (5xx, or the connection dropped without an answer)
/// and file downloads that hang (a slow upload, to stop the host in the middle of one).
/// </summary>
public sealed partial class FakeTelegramServer
{
    private readonly Dictionary<long, (int Remaining, int Status)> _failingSends = [];
    private readonly Dictionary<string, (int Remaining, int Status)> _failingMethods = new(StringComparer.OrdinalIgnoreCase);
    private TaskCompletionSource? _heldDownloads;
    private int _downloadsStarted;

    /// <summary>How many file downloads have reached the server (held ones included).</summary>
    public int DownloadsStarted
    {
        get { lock (_gate) { return _downloadsStarted; } }
    }

    /// <summary>
    /// The next <paramref name="count"/> messages to this chat fail: with <paramref name="status"/> (500: a fault on
    /// Telegram's side), or, with status 0, by dropping the connection without an answer (a network fault).
    /// </summary>
    public void FailSends(long chatId, int count, int status = 500)
    {
        lock (_gate)
        {
            _failingSends[chatId] = (count, status);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="method"/> (any chat) are refused with <paramref name="status"/>:
    /// 429 with a retry_after of <paramref name="retryAfterSeconds"/>, or a 5xx.
    /// </summary>
    public void FailCalls(string method, int count, int status, int retryAfterSeconds = 5)
    {
        lock (_gate)
        {
            _failingMethods[method] = (count, status);
            _failingRetryAfter = retryAfterSeconds;
        }
    }

    private int _failingRetryAfter;

    /// <summary>The refusal a test asked for this call (see <see cref="FailCalls"/>), recorded like any answer.</summary>
    private ApiReply? InjectedRefusal(string method)
    {
        lock (_gate)
        {
            if (!_failingMethods.TryGetValue(method, out var fault) || fault.Remaining <= 0)
            {
                return null;
            }

            _failingMethods[method] = (fault.Remaining - 1, fault.Status);
            return fault.Status == 429
                ? ApiReply.Error(429, $"Too Many Requests: retry after {_failingRetryAfter}", new System.Text.Json.Nodes.JsonObject { ["retry_after"] = _failingRetryAfter })
                : ApiReply.Error(fault.Status, "Internal Server Error (injected)");
        }
    }

    public void StopFailingSends(long chatId)
    {
        lock (_gate)
        {
            _failingSends.Remove(chatId);
        }
    }

    /// <summary>Downloads wait until <see cref="ReleaseDownloads"/> (or until the bot gives up on them).</summary>
    public void HoldDownloads()
    {
        lock (_gate)
        {
            _heldDownloads ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ReleaseDownloads()
    {
        lock (_gate)
        {
            _heldDownloads?.TrySetResult();
            _heldDownloads = null;
        }
    }

    /// <summary>The injected fault for this call, if any: an error status, or 0 to drop the connection.</summary>
    private int? InjectedFault(string method, ApiRequest request)
    {
        if (!IsCountedSend(method) || request.Long("chat_id") is not { } chatId)
        {
            return null;
        }

        lock (_gate)
        {
            if (!_failingSends.TryGetValue(chatId, out var fault) || fault.Remaining <= 0)
            {
                return null;
            }

            _failingSends[chatId] = (fault.Remaining - 1, fault.Status);
            return fault.Status;
        }
    }

    private async Task WaitIfDownloadsHeldAsync(CancellationToken aborted)
    {
        Task held;
        lock (_gate)
        {
            _downloadsStarted++;
            SignalChange();
            held = _heldDownloads?.Task ?? Task.CompletedTask;
        }

        await held.WaitAsync(aborted);
    }
}
