using System.Text.Json.Nodes;
using Bot.Dialogs.Conversation;
using Bot.Tests.Line.Fakes;

namespace Bot.Tests.Line;

/// <summary>How a student's LINE chat reads, for comparing it with what the dialog said.</summary>
internal static class LineTranscript
{
    /// <summary>What LINE shows of the replies: the text of each, consecutive summary pages as one Flex carousel whose alt text is their text.</summary>
    public static List<string> Shown(IReadOnlyList<Reply> replies)
    {
        var shown = new List<string>();
        for (var i = 0; i < replies.Count; i++)
        {
            var pages = replies.Skip(i).TakeWhile(r => r.Section is not null).ToList();
            if (pages.Count > 0)
            {
                shown.Add(Bot.Host.Line.LineText.Shorten(string.Join("\n\n", pages.Select(p => p.PlainText)), Bot.Host.Line.LineFlexSummary.MaxAltText));
                i += pages.Count - 1;
            }
            else
            {
                shown.Add(replies[i].PlainText);
            }
        }

        return shown;
    }

    /// <summary>Every string in a message (texts, labels, values to copy), for assertions that do not care about layout.</summary>
    public static HashSet<string> Strings(DeliveredMessage message) =>
        [.. Descendants(message.Message).OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()];

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        _ => [node],
    };
}
