using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Host.Line.Api;

public sealed record MessageEvent : WebhookEvent
{
    public string? ReplyToken { get; init; }

    public required MessageContent Message { get; init; }
}

public sealed record FollowEvent : WebhookEvent
{
    public string? ReplyToken { get; init; }

    public FollowDetail? Follow { get; init; }
}

public sealed record FollowDetail(bool IsUnblocked);

/// <summary>The user blocked the account; there is no reply token.</summary>
public sealed record UnfollowEvent : WebhookEvent;

public sealed record PostbackEvent : WebhookEvent
{
    public string? ReplyToken { get; init; }

    public required PostbackContent Postback { get; init; }
}

/// <summary><c>params</c> is only present for datetime-picker and rich-menu-switch actions.</summary>
public sealed record PostbackContent(string Data, IReadOnlyDictionary<string, string>? Params = null);

/// <summary>An event type this bot does not handle (join, unsend, beacon, …). Its other fields are kept as they came.</summary>
public sealed record UnknownEvent : WebhookEvent
{
    // Settable, not init: System.Text.Json cannot fill extension data through an init-only (constructor) member.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
