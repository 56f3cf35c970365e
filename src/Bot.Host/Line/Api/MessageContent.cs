using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Host.Line.Api;

/// <summary>The message inside a message event; subtype chosen by <c>type</c> in <see cref="MessageContentConverter"/>.</summary>
public abstract record MessageContent
{
    public required string Type { get; init; }

    /// <summary>Message id; also the key for downloading image, video, audio and file content.</summary>
    public required string Id { get; init; }

    public string? QuoteToken { get; init; }
}

public sealed record TextMessageContent : MessageContent
{
    public required string Text { get; init; }

    /// <summary>The id of the message this one quotes (LINE's reply to a message), if it quotes one.</summary>
    public string? QuotedMessageId { get; init; }
}

public sealed record ImageMessageContent : MessageContent
{
    public ContentProvider? ContentProvider { get; init; }

    public ImageSet? ImageSet { get; init; }
}

public sealed record VideoMessageContent : MessageContent
{
    public long? Duration { get; init; }

    public ContentProvider? ContentProvider { get; init; }
}

public sealed record AudioMessageContent : MessageContent
{
    public long? Duration { get; init; }

    public ContentProvider? ContentProvider { get; init; }
}

public sealed record FileMessageContent : MessageContent
{
    public required string FileName { get; init; }

    public long FileSize { get; init; }
}

public sealed record LocationMessageContent : MessageContent
{
    public string? Title { get; init; }

    public string? Address { get; init; }

    public double Latitude { get; init; }

    public double Longitude { get; init; }
}

public sealed record StickerMessageContent : MessageContent
{
    public required string PackageId { get; init; }

    public required string StickerId { get; init; }

    public string? StickerResourceType { get; init; }
}

/// <summary>A message type added after this code was written; kept rather than failing the whole callback.</summary>
public sealed record UnknownMessageContent : MessageContent
{
    // Settable, not init: System.Text.Json cannot fill extension data through an init-only (constructor) member.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary><c>line</c>: download via the content endpoint; <c>external</c>: the URLs point elsewhere.</summary>
public sealed record ContentProvider(string Type, string? OriginalContentUrl = null, string? PreviewImageUrl = null);

/// <summary>Present when several images were sent at once.</summary>
public sealed record ImageSet(string Id, int? Index = null, int? Total = null);
