using Bot.Dialogs.Uploads;

namespace Bot.Host.Uploads;

public static class UploadsExtensions
{
    /// <summary>The photo and document pipelines, with Magick.NET's limits and format policy set once at start.</summary>
    public static WebApplicationBuilder AddUploads(this WebApplicationBuilder builder)
    {
        ImagingSetup.Initialize();
        builder.Services.AddSingleton<IFaceFinder>(_ => new HaarFaceFinder());
        builder.Services.AddSingleton<IdPhotoMaker>();
        builder.Services.AddSingleton<DocumentPreparer>();
        builder.Services.AddSingleton<UploadProcessor>();
        builder.Services.AddSingleton<IUploadFetcher, LocalFileFetcher>();
        return builder;
    }
}
