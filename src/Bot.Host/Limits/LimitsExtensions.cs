using Bot.Host.Conversation;

namespace Bot.Host.Limits;

public static class LimitsExtensions
{
    /// <summary>Per-student turn rate and daily uploads, checked by <see cref="TurnProcessor"/> before it takes the student.</summary>
    public static WebApplicationBuilder AddStudentLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StudentLimitsOptions>().BindConfiguration(StudentLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StudentLimits>();
        builder.Services.AddSingleton<IStudentDataEraser>(sp => sp.GetRequiredService<StudentLimits>());
        return builder;
    }
}
