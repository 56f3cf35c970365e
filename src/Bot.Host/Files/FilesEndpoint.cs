namespace Bot.Host.Files;

public static class FilesEndpoint
{
    /// <summary>Files for students and BotOptions; the base URL is checked at start when a channel needs links or webhooks.</summary>
    public static WebApplicationBuilder AddFiles(this WebApplicationBuilder builder)
    {
        var options = builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations();
        var configuration = builder.Configuration;
        var needsPublicUrl = !string.IsNullOrEmpty(configuration["Line:ChannelSecret"])
            || (!string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]) && string.Equals(configuration["Telegram:Mode"], "Webhook", StringComparison.OrdinalIgnoreCase));
        if (needsPublicUrl)
        {
            options.ValidateOnStart();
        }

        builder.Services.AddSingleton<FileStore>();
        builder.Services.AddSingleton<Conversation.IStudentDataEraser>(sp => sp.GetRequiredService<FileStore>());
        builder.Services.AddSingleton<Storage.Encryption.IStorageRewrapper, FileRewrap>();
        return builder;
    }

    /// <summary><c>GET /files/{token}</c>: 404 for an unknown or expired token, never a hint which.</summary>
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{token}", async (string token, FileStore files, HttpResponse response) =>
        {
            var file = await files.ReadAsync(token);
            if (file is null)
            {
                return Results.NotFound();
            }

            // The student has it now: it goes within the hour (photos and scans are kept no longer than needed).
            await files.MarkDownloadedAsync(token);
            response.Headers.CacheControl = "private, max-age=3600";
            response.Headers.XContentTypeOptions = "nosniff";

            // Images inline (LINE shows them); anything else as a download with its name.
            return file.ContentType.StartsWith("image/", StringComparison.Ordinal)
                ? Results.File(file.Bytes, file.ContentType)
                : Results.File(file.Bytes, file.ContentType, file.FileName ?? "file");
        });
        return app;
    }
}
