namespace Bot.Host.Conversation;

/// <summary>
/// Runs work for different students concurrently and for one student strictly in order, one at a time.
/// Each student's work is chained after their previous item; a global limit bounds how much runs at once,
/// so one slow student (a photo being cropped) never holds up the others.
/// </summary>
public sealed class StudentWorkQueue(ILogger<StudentWorkQueue> logger)
{
    /// <summary>Turns mostly wait on Redis and the platform, so far more than the core count may run at once.</summary>
    public const int MaxConcurrency = 256;

    private readonly Dictionary<string, Task> tails = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim slots = new(MaxConcurrency);
    private readonly Lock gate = new();

    /// <summary>
    /// Queues work for a student; the task completes when it has run, with true when the work ran to completion and false
    /// when it failed or was cancelled (it never faults: failures are logged).
    /// </summary>
    public Task<bool> Enqueue(string studentKey, string channel, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        Task<bool> next;
        lock (gate)
        {
            var previous = tails.GetValueOrDefault(studentKey) ?? Task.CompletedTask;
            next = RunAfterAsync(previous, channel, work, cancellationToken);
            tails[studentKey] = next;
        }

        _ = next.ContinueWith(
            finished =>
            {
                lock (gate)
                {
                    if (tails.TryGetValue(studentKey, out var tail) && tail == finished)
                    {
                        tails.Remove(studentKey);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return next;
    }

    private async Task<bool> RunAfterAsync(Task previous, string channel, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await previous;
        try
        {
            await slots.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            await work(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the update stays unconfirmed and is delivered again after the restart.
            return false;
        }
        catch (Exception e)
        {
            ConversationLog.WorkFailed(logger, channel, e);
            return false;
        }
        finally
        {
            slots.Release();
        }
    }
}
