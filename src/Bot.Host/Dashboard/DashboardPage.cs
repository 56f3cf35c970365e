namespace Bot.Host.Dashboard;

/// <summary>The single page, embedded in the assembly: no front-end build, nothing to deploy beside the host.</summary>
internal static class DashboardPage
{
    public static string Html { get; } = Read("dashboard.html");

    public static string DisabledHtml { get; } = Read("disabled.html");

    private static string Read(string name)
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream("Bot.Host.Dashboard.Page." + name)
            ?? throw new InvalidOperationException($"The dashboard resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
