using Bot.Host.Conversation;

namespace Bot.Host.Printing;

public static class PrintingExtensions
{
    /// <summary>The printable summary with the student's prepared photo: the photo kept a while, and every turn's PDF redrawn with it.</summary>
    public static WebApplicationBuilder AddPrinting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PreparedPhotoStore>();
        builder.Services.AddSingleton<IStudentDataEraser>(sp => sp.GetRequiredService<PreparedPhotoStore>());
        builder.Services.AddSingleton<ITimelineListener>(sp => sp.GetRequiredService<PreparedPhotoStore>());
        builder.Services.AddSingleton<Storage.Encryption.IStorageRewrapper, PreparedPhotoRewrap>();
        builder.Services.AddSingleton<PrintableReplies>();
        return builder;
    }
}
