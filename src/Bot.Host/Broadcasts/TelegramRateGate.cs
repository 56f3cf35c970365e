using Bot.Host.Telegram;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Broadcasts;

/// <summary>
/// Paces broadcast sends to Telegram for every host together (Telegram limits the bot, not the host), and makes
/// all hosts wait out a 429's retry_after (the pause <see cref="TelegramFloodControl"/> writes after any 429).
/// </summary>
public sealed class TelegramRateGate(IConnectionMultiplexer redis, IOptions<BroadcastOptions> options)
{
    private static readonly RedisKey Tat = "{rl:tg}:tat";
    private static readonly RedisKey Pause = TelegramFloodControl.PauseKey;

    /// <summary>Two sends of slack: at 25/s no sliding second ever holds more than ~28 sends.</summary>
    private const int Burst = 2;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var interval = (int)Math.Ceiling(1000.0 / options.Value.TelegramMessagesPerSecond);
        while (true)
        {
            var wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(BroadcastScripts.RateGate, new { tat = Tat, pause = Pause, interval, burst = Burst });
            if (wait <= 0)
            {
                return;
            }

            // Platform time, not the host's clock: Telegram counts real seconds.
            await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken);
        }
    }
}
