namespace Bot.Tests.Infrastructure;

/// <summary>What the bot called, and waiting for it without sleeps: every change completes a signal.</summary>
public sealed partial class FakeTelegramServer
{
    private readonly List<BotCall> _calls = [];
    private readonly List<SpecViolation> _violations = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every call except getUpdates, failed ones included, oldest first.</summary>
    public IReadOnlyList<BotCall> Calls
    {
        get { lock (_gate) { return [.. _calls]; } }
    }

    /// <summary>Successful calls aimed at a chat (messages, edits, actions): the conversation as users see it.</summary>
    public IReadOnlyList<BotCall> Sent
    {
        get { lock (_gate) { return [.. _calls.Where(c => c.Succeeded && c.ChatId is not null)]; } }
    }

    public IReadOnlyList<SpecViolation> Violations
    {
        get { lock (_gate) { return [.. _violations]; } }
    }

    /// <summary>
    /// The messages that arrived in the chat and their edits, without the chrome around them: chat actions ("typing…",
    /// sent only when a turn is slow) and the removal of an answered question's buttons. See <see cref="Activity"/>.
    /// </summary>
    public IReadOnlyList<BotCall> Transcript(long chatId) =>
        [.. Sent.Where(c => c.ChatId == chatId && c.Method is not ("sendChatAction" or "editMessageReplyMarkup"))];

    /// <summary>Every successful call aimed at the chat, chat actions and keyboard edits included, oldest first.</summary>
    public IReadOnlyList<BotCall> Activity(long chatId) => [.. Sent.Where(c => c.ChatId == chatId)];

    /// <summary>Waits until the chat's transcript has at least <paramref name="count"/> calls and returns it.</summary>
    public async Task<IReadOnlyList<BotCall>> WaitForCallsAsync(long chatId, int count, TimeSpan timeout)
    {
        await WaitUntilAsync(f => f.Transcript(chatId).Count >= count, timeout,
            () => $"{count} successful call(s) to chat {chatId}");
        return Transcript(chatId);
    }

    public Task WaitUntilAsync(Func<FakeTelegramServer, bool> condition, TimeSpan timeout) =>
        WaitUntilAsync(condition, timeout, () => "the condition");

    private async Task WaitUntilAsync(Func<FakeTelegramServer, bool> condition, TimeSpan timeout, Func<string> describe)
    {
        // Real time on purpose: the wait guards against a hung bot even when tests drive a fake clock.
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                // Taken before checking, so a change between the check and the wait is not missed.
                changed = _changed.Task;
            }
            if (condition(this))
            {
                return;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"Waited {timeout} for {describe()}. Calls so far:\n  {string.Join("\n  ", Calls)}" +
                    $"\nViolations: {string.Join("; ", Violations)}");
            }
            try
            {
                await changed.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                // Checked once more above, then reported with the transcript.
            }
        }
    }

    private void Record(string method, ApiRequest request, ApiReply reply)
    {
        var call = new BotCall(
            method,
            request.Long("chat_id"),
            request.String("text") ?? request.String("caption"),
            request.Object("reply_markup"),
            reply.MessageId ?? (int?)request.Long("message_id"),
            [.. request.Uploads.Values],
            request.Parameters,
            _time.GetUtcNow(),
            reply.IsOk ? null : (int)reply.Body["error_code"]!,
            reply.IsOk ? null : reply.Description);
        lock (_gate)
        {
            _calls.Add(call);
            SignalChange();
        }
    }

    private void AddViolation(string method, string problem)
    {
        lock (_gate)
        {
            _violations.Add(new SpecViolation(method, problem));
            SignalChange();
        }
    }

    /// <summary>Call with the gate held: wakes every waiter (tests and parked long polls).</summary>
    private void SignalChange()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
