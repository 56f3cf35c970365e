using Bot.Dialogs.Reminders;

namespace Bot.Host.Reminders;

public static class ReminderExtensions
{
    /// <summary>Fees from configuration, reminder planning after each turn that changes a case, and one scheduler loop per host.</summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeesOptions>().BindConfiguration(FeesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // The office calendar: the built-in one, or an operator's newer file (checked here, so a bad file stops the start).
        builder.Services.AddOptions<HolidaysOptions>().BindConfiguration(HolidaysOptions.Section);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<HolidaysOptions>>().Value.File is { Length: > 0 } file
            ? HolidayCalendar.FromFile(file)
            : HolidayCalendar.Embedded);
        builder.Services.AddHostedService<HolidayCalendarCheck>();
        builder.Services.AddSingleton<ReminderStore>();
        builder.Services.AddSingleton<ReminderCounter>();
        builder.Services.AddSingleton<Conversation.IStudentDataEraser>(sp => sp.GetRequiredService<ReminderStore>());
        builder.Services.AddSingleton<Conversation.ITimelineListener, ReminderPlanListener>();
        builder.Services.AddSingleton<ReminderScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return builder;
    }
}
