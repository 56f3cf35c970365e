using System.Globalization;
using global::Telegram.Bot.Exceptions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Telegram;

/// <summary>
/// Every Telegram call goes through here. Messages wait for this host's <see cref="TelegramPace"/>; every call waits out a
/// pause. When Telegram answers 429, the call waits retry_after and is tried again — a 429 delays a message, never loses
/// it — and every host backs off together: the pause is written to Redis (the key the broadcasts' rate gate reads) and
/// published to the other hosts, whose paces pause and slow down as this one does.
/// </summary>
public sealed class TelegramFloodControl(IConnectionMultiplexer redis, IOptions<TelegramOptions> options, ILogger<TelegramFloodControl> logger, TelegramMetrics metrics)
    : IHostedService
{
    /// <summary>While this key lives nobody sends to Telegram (its TTL is the pause); shared with the broadcasts' rate gate.</summary>
    public static readonly RedisKey PauseKey = "{rl:tg}:pause";

    /// <summary>Tells the other hosts about a 429: the message is retry_after in milliseconds.</summary>
    public static readonly RedisChannel Refusals = RedisChannel.Literal("tg:flood");

    // Only lengthens a pause: a short retry_after must not cut a longer one another host was given.
    private const string PauseScript = """
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
          redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
        end
        return 0
        """;

    private readonly TelegramPace pace = new(options.Value.MessagesPerSecond, TimeProvider.System);

    /// <summary>This host's message rate now (messages a second).</summary>
    public double Rate => pace.Rate;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.ObservePace(() => pace.Rate);
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Refusals, (_, message) =>
            {
                if (long.TryParse(message.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                {
                    pace.Refused(TimeSpan.FromMilliseconds(ms));
                }
            });
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Without the subscription this host still backs off on its own 429s; the others' come as 429s too.
            TelegramLog.FloodSubscriptionFailed(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A message (sendMessage, sendDocument): paced, and tried again after each 429.</summary>
    /// <param name="waitCancellation">Stops the waiting (nothing has been sent while waiting).</param>
    /// <param name="callCancellation">Stops a call in flight (Telegram may have delivered it).</param>
    public Task<T> SendAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken waitCancellation, CancellationToken callCancellation) =>
        CallAsync(call, message: true, waitCancellation, callCancellation);

    /// <summary>Any other call (answerCallbackQuery, deleteMessage, getFile): not paced, but it waits out pauses and 429s too.</summary>
    public Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        CallAsync(call, message: false, cancellationToken, cancellationToken);

    /// <summary>
    /// Whether a call that only shows something (<see cref="TelegramBestEffort"/>) may go now: no pause, and for a
    /// <paramref name="message"/> (an edit) a send slot nobody waits for, which it then takes. Never waits.
    /// </summary>
    public bool TryTakeNow(bool message) => pace.TryTakeNow(message);

    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, bool message, CancellationToken waitCancellation, CancellationToken callCancellation)
    {
        while (true)
        {
            await pace.WaitAsync(message, waitCancellation);
            try
            {
                return await call(callCancellation);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                var retryAfter = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                TelegramLog.TooManyRequests(logger, retryAfter.TotalSeconds);
                metrics.Throttled(message);
                pace.Refused(retryAfter);
                Share(retryAfter);
            }
        }
    }

    /// <summary>Sent without waiting: the pause must not cost this send a round trip, and a Redis hiccup must not fail it.</summary>
    private void Share(TimeSpan retryAfter)
    {
        var ms = (long)retryAfter.TotalMilliseconds;
        try
        {
            redis.GetDatabase().ScriptEvaluate(PauseScript, [PauseKey], [ms], CommandFlags.FireAndForget);
            redis.GetSubscriber().Publish(Refusals, ms, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            TelegramLog.FloodShareFailed(logger, e);
        }
    }
}
