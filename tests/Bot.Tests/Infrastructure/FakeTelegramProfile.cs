using System.Text.Json.Nodes;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// The bot's profile texts as Telegram keeps them: a description and a short description per language_code, the empty
/// code being the default for every language without its own. The get* methods answer what a user of that language
/// sees (its own text, else the default), so a bot can skip a set that would change nothing.
/// </summary>
public sealed partial class FakeTelegramServer
{
    private readonly Dictionary<string, string> _descriptions = [];
    private readonly Dictionary<string, string> _shortDescriptions = [];

    /// <summary>The description set for exactly this language_code (null: the default), null when none is.</summary>
    public string? DescriptionFor(string? languageCode = null)
    {
        lock (_gate)
        {
            return _descriptions.GetValueOrDefault(languageCode ?? string.Empty);
        }
    }

    public string? ShortDescriptionFor(string? languageCode = null)
    {
        lock (_gate)
        {
            return _shortDescriptions.GetValueOrDefault(languageCode ?? string.Empty);
        }
    }

    private ApiReply SetProfileText(Dictionary<string, string> texts, ApiRequest request, string field)
    {
        var code = request.String("language_code") ?? string.Empty;
        var text = request.String(field) ?? string.Empty;
        lock (_gate)
        {
            // "Pass an empty string to remove the dedicated description for the given language."
            if (text.Length == 0)
            {
                texts.Remove(code);
            }
            else
            {
                texts[code] = text;
            }
            SignalChange();
        }
        return ApiReply.Ok(true);
    }

    private ApiReply GetProfileText(Dictionary<string, string> texts, ApiRequest request, string field)
    {
        var code = request.String("language_code") ?? string.Empty;
        lock (_gate)
        {
            var text = texts.GetValueOrDefault(code) ?? texts.GetValueOrDefault(string.Empty) ?? string.Empty;
            return ApiReply.Ok(new JsonObject { [field] = text });
        }
    }
}
