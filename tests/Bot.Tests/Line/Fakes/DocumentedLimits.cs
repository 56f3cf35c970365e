using System.Text.Json.Nodes;

namespace Bot.Tests.Line.Fakes;

/// <summary>
/// Limits LINE documents and enforces but the OpenAPI file does not state (so <see cref="SchemaValidator"/> cannot
/// see them). Written independently of Bot.Host's LineLimits, so the fake does not check the bot against itself.
/// A test asserts the yml still lacks them: if LINE adds them to the spec, the spec should be the source. Lengths are
/// counted as LINE documents (developers.line.biz/en/docs/messaging-api/text-character-count): labels in grapheme
/// clusters, other text in UTF-16 code units.
/// </summary>
public static class DocumentedLimits
{
    public const int TextLength = 5000;
    public const int ActionLabelLength = 20;
    public const int TemplateAltTextLength = 400;
    public const int ButtonsActions = 4;
    public const int ConfirmActions = 2;
    public const int ConfirmTextLength = 240;
    public const int FlexAltTextLength = 1500;
    public const int CarouselBubbles = 12;
    public const int BubbleBytes = 30 * 1024;
    public const int CarouselBytes = 50 * 1024;

    public static IEnumerable<SpecViolation> Check(JsonNode? body)
    {
        if (body?["messages"] is not JsonArray messages)
        {
            yield break;
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not JsonObject message)
            {
                continue;
            }

            var path = $"messages[{i}]";
            foreach (var violation in CheckMessage(message, path))
            {
                yield return violation;
            }
        }
    }

    private static IEnumerable<SpecViolation> CheckMessage(JsonObject message, string path)
    {
        var type = (string?)message["type"];
        if (type == "text" && Utf16Length(message["text"]) > TextLength)
        {
            yield return new($"{path}.text", $"Length must be between 0 and {TextLength}");
        }

        if (type == "template")
        {
            if (Utf16Length(message["altText"]) > TemplateAltTextLength)
            {
                yield return new($"{path}.altText", $"Length must be between 0 and {TemplateAltTextLength}");
            }

            var template = message["template"];
            var actions = template?["actions"] as JsonArray ?? [];
            var (min, max) = (string?)template?["type"] == "confirm" ? (ConfirmActions, ConfirmActions) : (1, ButtonsActions);
            if (actions.Count < min || actions.Count > max)
            {
                yield return new($"{path}.template.actions", $"Size must be between {min} and {max}");
            }

            if ((string?)template?["type"] == "confirm" && Graphemes(template["text"]) > ConfirmTextLength)
            {
                yield return new($"{path}.template.text", $"Length must be between 0 and {ConfirmTextLength}");
            }

            for (var a = 0; a < actions.Count; a++)
            {
                foreach (var v in CheckLabel(actions[a]?["label"], $"{path}.template.actions[{a}].label", required: true))
                {
                    yield return v;
                }
            }
        }

        if (type == "flex")
        {
            foreach (var violation in CheckFlex(message, path))
            {
                yield return violation;
            }
        }

        if (message["quickReply"]?["items"] is JsonArray items)
        {
            for (var q = 0; q < items.Count; q++)
            {
                var itemPath = $"{path}.quickReply.items[{q}]";
                if ((string?)items[q]?["type"] != "action")
                {
                    yield return new($"{itemPath}.type", "Must be 'action'");
                }

                if (items[q]?["action"] is not JsonObject action)
                {
                    yield return new($"{itemPath}.action", "Must be specified");
                    continue;
                }

                foreach (var v in CheckLabel(action["label"], $"{itemPath}.action.label", required: true).Concat(CheckDatePicker(action, $"{itemPath}.action")))
                {
                    yield return v;
                }
            }
        }
    }

    /// <summary>
    /// The datetime picker's date mode (reference, "Datetime picker action"): initial, min and max are full-date
    /// (yyyy-MM-dd) from 1900-01-01 to 2100-12-31, max greater than min, initial between them.
    /// </summary>
    public static IEnumerable<SpecViolation> CheckDatePicker(JsonObject action, string path)
    {
        if ((string?)action["type"] != "datetimepicker" || (string?)action["mode"] != "date")
        {
            yield break;
        }

        var dates = new Dictionary<string, DateOnly>();
        foreach (var name in new[] { "initial", "min", "max" })
        {
            if (action[name] is null)
            {
                continue;
            }

            if (!DateOnly.TryParseExact((string?)action[name], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                || date < new DateOnly(1900, 1, 1) || date > new DateOnly(2100, 12, 31))
            {
                yield return new($"{path}.{name}", "Must be a full-date (yyyy-MM-dd) from 1900-01-01 to 2100-12-31");
                continue;
            }

            dates[name] = date;
        }

        if (dates.TryGetValue("min", out var min) && dates.TryGetValue("max", out var max) && max <= min)
        {
            yield return new($"{path}.max", "Must be greater than min");
        }

        if (dates.TryGetValue("initial", out var initial)
            && ((dates.TryGetValue("min", out var low) && initial < low) || (dates.TryGetValue("max", out var high) && initial > high)))
        {
            yield return new($"{path}.initial", "Must be between min and max");
        }
    }

    /// <summary>
    /// Flex messages (reference, "Flex Message" and "Carousel"): altText 1 to 1500 characters, a carousel of at most 12
    /// bubbles and 50 KB, a bubble of at most 30 KB; every action's label as for other actions.
    /// </summary>
    private static IEnumerable<SpecViolation> CheckFlex(JsonObject message, string path)
    {
        if (Utf16Length(message["altText"]) is 0 or > FlexAltTextLength)
        {
            yield return new($"{path}.altText", $"Length must be between 1 and {FlexAltTextLength}");
        }

        if (message["contents"] is not JsonObject contents)
        {
            yield break;
        }

        var bubbles = (string?)contents["type"] == "carousel" ? (contents["contents"] as JsonArray ?? []).OfType<JsonObject>().ToList() : [contents];
        if ((string?)contents["type"] == "carousel")
        {
            if (bubbles.Count > CarouselBubbles)
            {
                yield return new($"{path}.contents.contents", $"Size must be between 1 and {CarouselBubbles}");
            }

            if (System.Text.Encoding.UTF8.GetByteCount(contents.ToJsonString()) > CarouselBytes)
            {
                yield return new($"{path}.contents", $"A carousel must be at most {CarouselBytes} bytes");
            }
        }

        for (var b = 0; b < bubbles.Count; b++)
        {
            if (System.Text.Encoding.UTF8.GetByteCount(bubbles[b].ToJsonString()) > BubbleBytes)
            {
                yield return new($"{path}.contents[{b}]", $"A bubble must be at most {BubbleBytes} bytes");
            }

            foreach (var action in Descendants(bubbles[b]).OfType<JsonObject>().Select(n => n["action"]).OfType<JsonObject>())
            {
                foreach (var v in CheckLabel(action["label"], $"{path}.contents[{b}].action.label", required: (string?)action["type"] != "uri"))
                {
                    yield return v;
                }
            }
        }
    }

    /// <summary>
    /// Rich menus (reference, "Rich menu object" and "Size object"): width 800 to 2500 pixels, height at least 250,
    /// width / height at least 1.45; 1 to 20 areas inside the image; chatBarText 1 to 14 characters; a name.
    /// </summary>
    public static IEnumerable<SpecViolation> CheckRichMenu(JsonObject menu)
    {
        var (width, height) = ((int?)menu["size"]?["width"] ?? 0, (int?)menu["size"]?["height"] ?? 0);
        if (width is < 800 or > 2500 || height < 250 || width < 1.45 * height)
        {
            yield return new("size", "Width must be 800 to 2500, height at least 250, width / height at least 1.45");
        }

        if (Graphemes(menu["chatBarText"]) is 0 or > 14)
        {
            yield return new("chatBarText", "Length must be between 1 and 14");
        }

        if (menu["name"] is null)
        {
            yield return new("name", "Must be specified");
        }

        var areas = menu["areas"] as JsonArray ?? [];
        if (areas.Count is 0 or > 20)
        {
            yield return new("areas", "Size must be between 1 and 20");
        }

        for (var a = 0; a < areas.Count; a++)
        {
            var b = areas[a]?["bounds"];
            var (x, y, w, h) = ((int?)b?["x"] ?? -1, (int?)b?["y"] ?? -1, (int?)b?["width"] ?? 0, (int?)b?["height"] ?? 0);
            if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height)
            {
                yield return new($"areas[{a}].bounds", "Must lie inside the rich menu");
            }

            if (areas[a]?["action"] is not JsonObject action)
            {
                yield return new($"areas[{a}].action", "Must be specified");
                continue;
            }

            foreach (var v in CheckLabel(action["label"], $"areas[{a}].action.label", required: false))
            {
                yield return v;
            }
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        _ => [node],
    };

    private static IEnumerable<SpecViolation> CheckLabel(JsonNode? label, string path, bool required)
    {
        if (label is null)
        {
            if (required)
            {
                yield return new(path, "Must be specified");
            }
        }
        else if (Graphemes(label) is 0 or > ActionLabelLength)
        {
            yield return new(path, $"Length must be between 1 and {ActionLabelLength}");
        }
    }

    private static int Utf16Length(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text.Length : 0;

    private static int Graphemes(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? new System.Globalization.StringInfo(text).LengthInTextElements : 0;
}
