namespace Bot.Host.Reminders;

public static class ReminderExtensions
{
    /// <summary>Fees from configuration, reminder planning after each turn that changes a case, and one scheduler loop per host.</summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeesOptions>().BindConfiguration(FeesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReminderStore>();
        builder.Services.AddSingleton<Conversation.ITimelineListener, ReminderPlanListener>();
        builder.Services.AddSingleton<ReminderScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return builder;
    }
}
