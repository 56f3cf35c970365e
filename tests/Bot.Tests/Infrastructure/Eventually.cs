namespace Bot.Tests.Infrastructure;

/// <summary>
/// Waits for a condition that raises no signal of its own (a counter inside the host, a Redis key), checking it every
/// few milliseconds until a real-time deadline: a wait on what the test observes, never a sleep standing in for one.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(10);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout} for {what}.");
            }

            await Task.Delay(Every);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, what);
}
