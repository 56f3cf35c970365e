using Bot.Host.Line;

namespace Bot.Host.Broadcasts;

public static class BroadcastsExtensions
{
    /// <summary>Durable broadcast jobs in Redis and the loop that delivers them on Telegram and LINE.</summary>
    public static WebApplicationBuilder AddBroadcasts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // LINE broadcasts use the Messaging API client directly (multicast, quota); register it unless the LINE channel already did.
        var lineOn = !string.IsNullOrEmpty(builder.Configuration[$"{LineOptions.SectionName}:{nameof(LineOptions.ChannelSecret)}"]);
        if (lineOn && !builder.Services.Any(d => d.ServiceType == typeof(LineMessagingClient)))
        {
            builder.Services.AddLineMessaging();
        }

        builder.Services.AddSingleton<BroadcastStore>();
        builder.Services.AddSingleton<BroadcastAudience>();
        builder.Services.AddSingleton<Conversation.IStudentDataEraser>(sp => sp.GetRequiredService<BroadcastStore>());
        builder.Services.AddSingleton<TelegramRateGate>();
        builder.Services.AddSingleton<BroadcastWakeup>();
        builder.Services.AddSingleton<BroadcastService>();
        builder.Services.AddSingleton<BroadcastSender>();
        builder.Services.AddHostedService<BroadcastRunner>();
        builder.Services.AddSingleton<Storage.IIndexPruner, BroadcastListPruner>();
        return builder;
    }
}
