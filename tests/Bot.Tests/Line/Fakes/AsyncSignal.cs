namespace Bot.Tests.Line.Fakes;

/// <summary>
/// Wakes waiters whenever something changes, so tests wait on events instead of sleeping.
/// Take <see cref="Next"/> before checking the condition: a pulse between the check and the wait is then not lost.
/// </summary>
public sealed class AsyncSignal
{
    private TaskCompletionSource next = New();

    public Task Next => Volatile.Read(ref next).Task;

    public void Pulse() => Interlocked.Exchange(ref next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
