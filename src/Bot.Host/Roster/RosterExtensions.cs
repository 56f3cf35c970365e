using Bot.Host.Conversation;

namespace Bot.Host.Roster;

public static class RosterExtensions
{
    /// <summary>The advisors' roster: kept by the turns, read by the dashboard and broadcasts, rebuilt from records when needed.</summary>
    public static WebApplicationBuilder AddRoster(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StudentRoster>();
        builder.Services.AddSingleton<IStudentDataEraser>(sp => sp.GetRequiredService<StudentRoster>());
        builder.Services.AddSingleton<RosterSearch>();
        builder.Services.AddSingleton<RosterOverview>();
        builder.Services.AddSingleton<RosterRebuild>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RosterRebuild>());
        builder.Services.AddSingleton<Storage.IIndexPruner, RosterPruner>();
        return builder;
    }
}
