using Bot.Host.Conversation;

namespace Bot.Host.Advisors;

public static class AdvisorsExtensions
{
    /// <summary>Who the advisors are, their chat commands, and the questions students send them.</summary>
    public static WebApplicationBuilder AddAdvisors(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdvisorsOptions>().BindConfiguration(AdvisorsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StudentDirectory>();
        builder.Services.AddSingleton<Audit.AuditTrail>();
        builder.Services.AddSingleton<Conversation.IStudentDataEraser>(sp => sp.GetRequiredService<Audit.AuditTrail>());
        builder.Services.AddSingleton<StudentStateEditor>();
        builder.Services.AddSingleton<AdvisorInbox>();
        builder.Services.AddSingleton<Storage.Encryption.IStorageRewrapper, AdvisorThreadRewrap>();
        builder.Services.AddSingleton<IStudentDataEraser>(sp => sp.GetRequiredService<AdvisorInbox>());
        builder.Services.AddSingleton<AdvisorNotifier>();
        builder.Services.AddSingleton<ITurnObserver, AdvisorForwarder>();
        builder.Services.AddSingleton<AdvisorCommands>();
        builder.Services.AddSingleton<IAdvisorCommands>(sp => sp.GetRequiredService<AdvisorCommands>());
        builder.Services.AddSingleton<IStudentDataEraser>(sp => sp.GetRequiredService<AdvisorCommands>());
        builder.Services.AddSingleton<Storage.IIndexPruner, AdvisorIndexPruner>();
        return builder;
    }
}
