using System.Globalization;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using global::Telegram.Bot.Types.Enums;

namespace Bot.Host.Telegram;

/// <summary>
/// Telegram's "typing…", "sending photo…", "sending file…" while a turn works: sent before the work starts (or once it
/// has run <c>after</c>), then every 4 s on the host's clock, since Telegram clears a chat action after 5 s. Through
/// <see cref="TelegramBestEffort"/>: a refused or failed action is dropped, never waited for.
/// </summary>
public sealed class TelegramChatActions(TelegramBestEffort calls, TimeProvider time) : IBusyIndicator
{
    /// <summary>Under Telegram's 5 s, so the status does not blink off while the work goes on.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(4);

    /// <summary>
    /// The longest the work waits for its first action to be sent (a platform delay on the real clock): the action should
    /// reach the chat before the reply does, but a slow Telegram must not hold the work back.
    /// </summary>
    private static readonly TimeSpan FirstActionWait = TimeSpan.FromMilliseconds(500);

    public string Channel => TelegramInboxHandler.ChannelName;

    public async ValueTask<IAsyncDisposable> ShowAsync(StudentKey student, BusyWork work, TimeSpan after, CancellationToken cancellationToken)
    {
        var chatId = long.Parse(student.Id, CultureInfo.InvariantCulture);
        var action = work switch
        {
            BusyWork.Photo => ChatAction.UploadPhoto,
            BusyWork.Document => ChatAction.UploadDocument,
            _ => ChatAction.Typing,
        };
        var scope = new ChatActionScope(ct => calls.ShowActionAsync(chatId, action, ct), after, time);
        if (after <= TimeSpan.Zero)
        {
            try
            {
                await scope.FirstSent.WaitAsync(FirstActionWait, TimeProvider.System, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Still on its way: the work starts anyway.
            }
        }

        return scope;
    }

    /// <summary>One work's chat actions: a loop on a PeriodicTimer, ended (and its call in flight cancelled) on dispose.</summary>
    private sealed class ChatActionScope : IAsyncDisposable
    {
        private readonly PeriodicTimer timer;
        private readonly CancellationTokenSource stop = new();
        private readonly TaskCompletionSource firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task loop;

        public ChatActionScope(Func<CancellationToken, Task<bool>> send, TimeSpan after, TimeProvider time)
        {
            timer = new PeriodicTimer(after > TimeSpan.Zero ? after : Interval, time);
            loop = RunAsync(send, delayed: after > TimeSpan.Zero);
        }

        public Task FirstSent => firstSent.Task;

        public async ValueTask DisposeAsync()
        {
            // A disposed timer ends the wait for the next tick without an exception; the token stops a call in flight.
            timer.Dispose();
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }

        private async Task RunAsync(Func<CancellationToken, Task<bool>> send, bool delayed)
        {
            try
            {
                if (delayed)
                {
                    if (!await timer.WaitForNextTickAsync())
                    {
                        return;
                    }

                    timer.Period = Interval;
                }

                do
                {
                    await send(stop.Token);
                    firstSent.TrySetResult();
                }
                while (await timer.WaitForNextTickAsync());
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                // Disposed while an action was on its way (or between the first tick and the change of period).
            }
            finally
            {
                firstSent.TrySetResult();
            }
        }
    }
}
