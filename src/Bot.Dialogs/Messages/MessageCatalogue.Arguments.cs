using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bot.Dialogs.Messages;

/// <summary>Named placeholders: read once at load and turned into the positions the code passes values in.</summary>
public sealed partial class MessageCatalogue
{
    /// <summary>Each key's placeholder names, in the order the code passes the values (<c>arguments.json</c>).</summary>
    private static Dictionary<string, string[]> ReadArguments(Assembly assembly)
    {
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(ArgumentsFile, StringComparison.Ordinal));
        if (name is null)
        {
            return [];
        }

        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream) ?? [];
    }

    /// <summary>
    /// "{deadline} ({days, plural, …})" → "{0} ({1, plural, …})" for a key whose arguments are [deadline, days]. A name the
    /// key does not have is a mistake in the catalogue, refused at start rather than shown to a student as "{dedline}".
    /// </summary>
    private static string Positional(string key, string text, Dictionary<string, string[]> arguments, Language language)
    {
        var names = arguments.GetValueOrDefault(key) ?? [];
        return Placeholder().Replace(text, match =>
        {
            var index = Array.IndexOf(names, match.Groups["name"].Value);
            return index >= 0
                ? "{" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : throw new InvalidDataException($"Message {key} ({language.Code()}) names a placeholder it does not have: {match.Value}. Its placeholders are: {string.Join(", ", names)} (arguments.json).");
        });
    }

    /// <summary>"{name" followed by "}" or "," (a plural block); the forms inside a plural block start with "#" or text.</summary>
    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)(?=[,}])", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
