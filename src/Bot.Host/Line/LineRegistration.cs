using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Bot.Host.Line;

public static class LineRegistration
{
    /// <summary>LINE end to end (client, event handler, renderer, pusher); on only when Line:ChannelSecret is set.</summary>
    public static IHostApplicationBuilder AddLine(this IHostApplicationBuilder builder)
    {
        // Queued replies are re-encrypted by `rewrap` even on a host without LINE (an earlier configuration may have left some).
        builder.Services.AddSingleton<Storage.Encryption.IStorageRewrapper, LinePushQueueRewrap>();
        if (string.IsNullOrEmpty(builder.Configuration[$"{LineOptions.SectionName}:{nameof(LineOptions.ChannelSecret)}"]))
        {
            return builder;
        }

        builder.Services.AddLineMessaging();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LineReachability>();
        builder.Services.AddSingleton<LineQuotedButtons>();
        builder.Services.AddSingleton<Conversation.IStudentDataEraser>(sp => sp.GetRequiredService<LineQuotedButtons>());
        builder.Services.AddSingleton<Conversation.IStudentDataEraser>(sp => sp.GetRequiredService<LineReachability>());
        builder.Services.AddSingleton<Storage.IIndexPruner, LineReachabilityPruner>();
        builder.Services.AddSingleton<LineQuickReplies>();
        builder.Services.AddSingleton<LineReplyRenderer>();
        builder.Services.AddSingleton<LineReplySender>();
        builder.Services.AddSingleton<LinePushQueue>();
        builder.Services.AddSingleton<Conversation.IStudentDataEraser>(sp => sp.GetRequiredService<LinePushQueue>());
        builder.Services.AddSingleton<Inbox.IInboxHandler, LineEventHandler>();
        builder.Services.AddSingleton<Conversation.IChannelPusher, LinePusher>();
        builder.Services.AddSingleton<Uploads.IUploadFetcher, LineFileFetcher>();
        builder.Services.AddSingleton<LineRichMenuLinks>();
        builder.Services.AddSingleton<Conversation.IStudentDataEraser>(sp => sp.GetRequiredService<LineRichMenuLinks>());
        return builder;
    }

    /// <summary>The rich menus made at start (<see cref="LineRichMenuPublisher"/>); on with LINE unless Line:RichMenu is false.</summary>
    public static IHostApplicationBuilder AddLineRichMenus(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LineOptions.SectionName);
        if (!string.IsNullOrEmpty(section[nameof(LineOptions.ChannelSecret)]) && section.GetValue(nameof(LineOptions.RichMenu), true))
        {
            builder.Services.AddHostedService<LineRichMenuPublisher>();
        }

        return builder;
    }

    /// <summary>
    /// The loop that pushes queued replies (<see cref="LinePushQueue"/>); on only with LINE. Separate from
    /// <see cref="AddLine"/> so a host with just the LINE client (its tests) needs no Redis.
    /// </summary>
    public static IHostApplicationBuilder AddLinePushFlusher(this IHostApplicationBuilder builder)
    {
        if (!string.IsNullOrEmpty(builder.Configuration[$"{LineOptions.SectionName}:{nameof(LineOptions.ChannelSecret)}"]))
        {
            builder.Services.AddHostedService<LinePushFlusher>();
        }

        return builder;
    }

    /// <summary>The webhook URL registered with LINE at start (<see cref="LineWebhookRegistration"/>); on with LINE unless Line:RegisterWebhook is false.</summary>
    public static IHostApplicationBuilder AddLineWebhookRegistration(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LineOptions.SectionName);
        if (string.IsNullOrEmpty(section[nameof(LineOptions.ChannelSecret)]) || !section.GetValue(nameof(LineOptions.RegisterWebhook), true))
        {
            return builder;
        }

        builder.Services.AddSingleton<LineWebhookRegistration>();
        builder.Services.AddSingleton<Health.IWebhookRegistration>(sp => sp.GetRequiredService<LineWebhookRegistration>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LineWebhookRegistration>());
        return builder;
    }

    /// <summary>Options (validated at start) and the typed <see cref="LineMessagingClient"/> with its retry pipeline.</summary>
    public static IServiceCollection AddLineMessaging(this IServiceCollection services)
    {
        services.AddOptions<LineOptions>().BindConfiguration(LineOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LineOptions>, LineOptionsValidator>());

        services.AddHttpClient<LineMessagingClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<LineOptions>>().Value;
                // Trailing slash so relative paths like "v2/bot/…" keep any path prefix of the base URL.
                http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                if (!string.IsNullOrEmpty(options.ChannelAccessToken))
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ChannelAccessToken);
                }
            })
            .AddResilienceHandler("line", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<LineOptions>>().Value;
                if (options.MaxRetryAttempts == 0)
                {
                    return;
                }

                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    Delay = options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    // 429, 5xx, 408 and network failures, but only for requests that carry a retry key.
                    ShouldHandle = args => ValueTask.FromResult(
                        IsRetryable(args.Context) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
            });
        return services;
    }

    private static bool IsRetryable(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(LineMessagingClient.Retryable, out var retryable) == true && retryable;
}
