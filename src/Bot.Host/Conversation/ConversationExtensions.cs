using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Host.Conversation;

public static class ConversationExtensions
{
    /// <summary>The channel-agnostic dialog, with the schools' defaults from configuration and the host's clock.</summary>
    public static WebApplicationBuilder AddConversation(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<SchoolsOptions>()
            .Configure<IConfiguration>((o, c) => c.Bind(o))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SchoolsOptions>, SchoolsOptionsValidator>();
        builder.Services.AddSingleton(sp => new DialogSettings(
            [.. sp.GetRequiredService<IOptions<SchoolsOptions>>().Value.Schools.Select(s => s.ToProfile())],
            sp.GetRequiredService<TimeProvider>(),
            MessageCatalogue.Default)
        {
            Fees = sp.GetRequiredService<IOptions<Reminders.FeesOptions>>().Value.ToSchedule(),
            Holidays = sp.GetRequiredService<Bot.Dialogs.Reminders.HolidayCalendar>(),
        });

        // Configured dialog machines, reused by every turn and reminder of this host (see ConversationPool).
        builder.Services.AddSingleton(sp => new ConversationPool(sp.GetRequiredService<DialogSettings>()));
        builder.Services.AddSingleton<TurnProcessor>();

        // A failed turn or send is tried again with back-off, then dead-lettered (Delivery:*).
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Platform time, not the host's clock: Redis and the platforms recover in real seconds, even when a test drives a fake clock.
        builder.Services.AddSingleton(sp => new DeliveryRetry(
            sp.GetRequiredService<IOptions<DeliveryOptions>>(), TimeProvider.System, sp.GetRequiredService<ILogger<DeliveryRetry>>()));
        builder.Services.AddSingleton<StudentWorkQueue>();
        builder.Services.AddSingleton<StudentMessenger>();
        builder.Services.AddSingleton<StudentLanguages>();
        return builder;
    }

    /// <summary>Names every problem (key and reason), so a typo fails the start with a useful message.</summary>
    private sealed class SchoolsOptionsValidator : IValidateOptions<SchoolsOptions>
    {
        public ValidateOptionsResult Validate(string? name, SchoolsOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
