using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Bot.Host.Telegram;

/// <summary>
/// Telegram.Bot's HttpClient, from IHttpClientFactory with a resilience pipeline: each attempt has a timeout, and a connect
/// failure, a dropped connection, a timed-out attempt or a 5xx is retried with exponential back-off and jitter. A 429 is
/// not retried here: it goes up to <see cref="TelegramFloodControl"/>, which pauses every host.
/// </summary>
internal static class TelegramHttp
{
    public const string ClientName = "telegram";

    /// <summary>
    /// For calls that only show something (chat actions, removing an answered question's buttons): one short attempt, no
    /// retry. Retried later they would show something stale, and they must never hold a student's next turn back.
    /// </summary>
    public const string BestEffortClientName = "telegram-best-effort";

    public static readonly TimeSpan BestEffortTimeout = TimeSpan.FromSeconds(5);

    /// <summary>getUpdates holds the request open for its long-poll timeout (25 s) before answering.</summary>
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddTelegramHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName)
            // Each attempt is bounded by the pipeline's timeout; the whole call by attempts × timeout.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)

            // One long-lived client (Telegram.Bot keeps it); recycling pooled connections keeps DNS changes visible.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(ClientName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;

                // Platform time, not the host's clock: a network timeout counts real seconds even when a test drives a fake clock.
                pipeline.TimeProvider = TimeProvider.System;
                if (options.MaxRetryAttempts > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetryAttempts,
                        Delay = options.RetryBaseDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddTimeout(new HttpTimeoutStrategyOptions
                {
                    TimeoutGenerator = args => ValueTask.FromResult(IsLongPoll(args.Context) ? LongPoll + options.AttemptTimeout : options.AttemptTimeout),
                });
            });
        services.AddHttpClient(BestEffortClientName)
            .ConfigureHttpClient(http => http.Timeout = BestEffortTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }

    /// <summary>Worth another attempt: the network, a timed-out attempt, Telegram's own 5xx. Not 429 (flood control), not 4xx.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && (int)response.StatusCode >= 500);

    private static bool IsLongPoll(ResilienceContext context) =>
        context.GetRequestMessage()?.RequestUri?.AbsolutePath.EndsWith("/getUpdates", StringComparison.Ordinal) == true;
}
