using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// Limits the spec states only in prose (lengths, counts, button shape), checked by hand because
/// the real API rejects calls that break them and a bot must not depend on a lenient fake.
/// </summary>
public sealed partial class TelegramSpec
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;
    public const int MaxCallbackDataBytes = 64;
    public const int MaxDescriptionLength = 512;
    public const int MaxShortDescriptionLength = 120;
    public const int MaxCopyTextLength = 256;

    /// <summary>Not in the spec's prose, but enforced by Telegram ("Bad Request: reply markup is too long" and friends).</summary>
    public const int MaxButtonsPerRow = 8;
    public const int MaxButtonsPerKeyboard = 100;

    // Exactly one of these says what an inline button does (text, icon and style are decoration).
    private static readonly string[] ButtonActions =
    [
        "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    private static void CheckMethodRules(string method, JsonObject parameters, List<string> problems)
    {
        if (method is "sendMessage" or "editMessageText")
        {
            var length = VisibleLength(parameters["text"], parameters["parse_mode"]);
            if (length == 0 && parameters.ContainsKey("text"))
            {
                problems.Add("message text is empty");
            }
            if (length > MaxTextLength)
            {
                problems.Add($"message is too long ({length} > {MaxTextLength} characters)");
            }
        }
        if (VisibleLength(parameters["caption"], parameters["parse_mode"]) > MaxCaptionLength)
        {
            problems.Add($"message caption is too long (> {MaxCaptionLength} characters)");
        }
        if (string.Equals(Text(parameters["parse_mode"]), "HTML", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var field in new[] { "text", "caption" })
            {
                if (Text(parameters[field]) is { } html && HtmlProblem(html) is { } problem)
                {
                    problems.Add($"Bad Request: can't parse entities in {field}: {problem}");
                }
            }
        }
        if (method == "answerCallbackQuery" && ((string?)Text(parameters["text"]))?.Length > 200)
        {
            problems.Add("callback query answer text is longer than 200 characters");
        }
        if (method == "sendMediaGroup" && parameters["media"] is JsonArray { Count: < 2 or > 10 } media)
        {
            problems.Add($"media group must include 2-10 items, got {media.Count}");
        }
        if (method == "setMyCommands" && parameters["commands"] is JsonArray { Count: > 100 })
        {
            problems.Add("at most 100 commands can be set");
        }
        if (method == "setMyDescription" && Text(parameters["description"])?.Length > MaxDescriptionLength)
        {
            problems.Add($"description must be 0-{MaxDescriptionLength} characters");
        }
        if (method == "setMyShortDescription" && Text(parameters["short_description"])?.Length > MaxShortDescriptionLength)
        {
            problems.Add($"short description must be 0-{MaxShortDescriptionLength} characters");
        }
        if (method is "setMyCommands" or "setMyDescription" or "getMyDescription" or "setMyShortDescription" or "getMyShortDescription"
            && Text(parameters["language_code"]) is { Length: > 0 } code && !LanguageCodePattern().IsMatch(code))
        {
            problems.Add($"language_code must be a two-letter ISO 639-1 code or empty, is '{code}'");
        }
    }

    private static void CheckTypeRules(string type, JsonObject value, string path, List<string> problems)
    {
        if (type == "InlineKeyboardButton")
        {
            var actions = ButtonActions.Count(value.ContainsKey);
            if (actions != 1)
            {
                problems.Add($"'{path}' must have exactly one action field, has {actions}");
            }
            if (Text(value["text"]) is not { Length: > 0 })
            {
                problems.Add($"'{path}.text' must not be empty");
            }
            var data = Text(value["callback_data"]);
            if (data is not null && Encoding.UTF8.GetByteCount(data) is 0 or > MaxCallbackDataBytes)
            {
                problems.Add($"'{path}.callback_data' must be 1-{MaxCallbackDataBytes} bytes, is {Encoding.UTF8.GetByteCount(data)}");
            }
        }
        if (type == "CopyTextButton" && Text(value["text"])?.Length is 0 or > MaxCopyTextLength)
        {
            problems.Add($"'{path}.text' must be 1-{MaxCopyTextLength} characters");
        }
        if (type == "InlineKeyboardMarkup" && value["inline_keyboard"] is JsonArray rows)
        {
            if (rows.Any(r => r is JsonArray { Count: > MaxButtonsPerRow }))
            {
                problems.Add($"'{path}' has a row of more than {MaxButtonsPerRow} buttons");
            }
            if (rows.Sum(r => (r as JsonArray)?.Count ?? 0) > MaxButtonsPerKeyboard)
            {
                problems.Add($"'{path}' has more than {MaxButtonsPerKeyboard} buttons");
            }
        }
        if (type == "BotCommand")
        {
            var command = Text(value["command"]) ?? string.Empty;
            if (!CommandPattern().IsMatch(command))
            {
                problems.Add($"'{path}.command' must be 1-32 lowercase letters, digits or underscores");
            }
            if (Text(value["description"])?.Length is 0 or > 256)
            {
                problems.Add($"'{path}.description' must be 1-256 characters");
            }
        }
    }

    /// <summary>Length after entity parsing: HTML tags and entities do not count, as on Telegram's side.</summary>
    private static int VisibleLength(JsonNode? text, JsonNode? parseMode)
    {
        var raw = Text(text);
        if (raw is null)
        {
            return 0;
        }
        if (string.Equals(Text(parseMode), "HTML", StringComparison.OrdinalIgnoreCase))
        {
            raw = System.Net.WebUtility.HtmlDecode(HtmlTag().Replace(raw, string.Empty));
        }
        return raw.Trim().Length;
    }

    /// <summary>
    /// Telegram's HTML style (Bot API, "Formatting options"): only the listed tags, closed in order; every other
    /// &lt;, &gt; and &amp; written as an entity; code and pre hold no other entity (except code directly in pre).
    /// </summary>
    private static string? HtmlProblem(string html)
    {
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            switch (html[i])
            {
                case '<':
                    var end = html.IndexOf('>', i);
                    if (end < 0)
                    {
                        return $"unclosed start tag at byte offset {i}";
                    }

                    var tag = html[(i + 1)..end];
                    var closing = tag.StartsWith('/');
                    var name = (closing ? tag[1..] : tag).Split(' ', 2)[0].ToLowerInvariant();
                    if (!SupportedTags.Contains(name))
                    {
                        return $"unsupported start tag \"{name}\" at byte offset {i}";
                    }

                    if (closing)
                    {
                        if (open.Count == 0 || open.Pop() != name)
                        {
                            return $"can't find end tag corresponding to start tag \"{name}\"";
                        }
                    }
                    else
                    {
                        if (open.TryPeek(out var parent) && (parent == "code" || (parent == "pre" && name != "code")))
                        {
                            return $"entity \"{name}\" can't be inside \"{parent}\"";
                        }

                        open.Push(name);
                    }

                    i = end + 1;
                    break;
                case '>':
                    return $"unescaped '>' at byte offset {i}";
                case '&':
                    var semicolon = html.IndexOf(';', i);
                    if (semicolon < 0 || !EntityPattern().IsMatch(html[i..(semicolon + 1)]))
                    {
                        return $"unescaped '&' at byte offset {i}";
                    }

                    i = semicolon + 1;
                    break;
                default:
                    i++;
                    break;
            }
        }

        return open.Count > 0 ? $"can't find end tag corresponding to start tag \"{open.Peek()}\"" : null;
    }

    private static readonly HashSet<string> SupportedTags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"];

    [GeneratedRegex("^&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);$")]
    private static partial Regex EntityPattern();

    private static string? Text(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? (string?)node : null;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCodePattern();

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandPattern();
}
