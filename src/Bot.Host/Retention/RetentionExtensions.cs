namespace Bot.Host.Retention;

public static class RetentionExtensions
{
    /// <summary>Retention: files deleted when a case completes, collected cases' personal fields expired by a loop.</summary>
    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RetentionIndex>();
        builder.Services.AddSingleton<Conversation.ITimelineListener>(sp => sp.GetRequiredService<RetentionIndex>());
        builder.Services.AddSingleton<Conversation.IStudentDataEraser>(sp => sp.GetRequiredService<RetentionIndex>());
        builder.Services.AddHostedService<RetentionLoop>();
        return builder;
    }
}
