using System.Text.Json.Serialization;

namespace Bot.Host.Line.Api;

/// <summary>Buttons shown above the keyboard for the last message only; at most 13 items.</summary>
public sealed record QuickReply(IReadOnlyList<QuickReplyItem> Items);

public sealed record QuickReplyItem(LineAction Action, string? ImageUrl = null)
{
    /// <summary>Always <c>action</c>; LINE requires it to be sent.</summary>
    [JsonPropertyOrder(-1)]
    public string Type => "action";
}
