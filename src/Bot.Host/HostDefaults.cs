namespace Bot.Host;

/// <summary>Where the host finds its files, and what it never logs.</summary>
internal static class HostDefaults
{
    /// <summary>
    /// The app's own directory, where appsettings.json is copied, unless a content root is given explicitly
    /// (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>). The default would be the
    /// working directory: <c>dotnet src/Bot.Host/bin/Release/net10.0/Bot.Host.dll</c> from the repository root would
    /// then run without appsettings.json, and so without its log levels (every request URL, with its file token, at Information).
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var explicitly = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return explicitly ? null : AppContext.BaseDirectory;
    }

    /// <summary>
    /// No HttpClient logs a request line: Telegram's URLs carry the bot token, LINE's the user id and message ids, and
    /// at Information the default handlers would log every one of them, whatever the configured levels say.
    /// </summary>
    public static WebApplicationBuilder KeepUrlsOutOfLogs(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpClientDefaults(client => client.RemoveAllLoggers());
        return builder;
    }
}
