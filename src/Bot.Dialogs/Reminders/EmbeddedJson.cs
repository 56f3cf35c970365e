using System.Text.Json;

namespace Bot.Dialogs.Reminders;

/// <summary>Reads a JSON file embedded in Bot.Dialogs (the csproj embeds **/*.json); callers keep the result in a static field so it is parsed once.</summary>
internal static class EmbeddedJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="pathSuffix">The file's path with dots for slashes, e.g. "Reminders.Data.overstay-fines.json".</param>
    public static T Read<T>(string pathSuffix)
    {
        var assembly = typeof(EmbeddedJson).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + pathSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} cannot be opened.");
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidDataException($"Embedded resource {name} is empty.");
    }
}
