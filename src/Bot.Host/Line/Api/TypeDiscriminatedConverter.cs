using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Host.Line.Api;

/// <summary>
/// Reads a JSON object whose subtype is named by its <c>type</c> property, wherever that property appears.
/// Used instead of <see cref="JsonPolymorphicAttribute"/> because LINE adds event and message types over time,
/// and an unknown one must become a fallback record that still knows its type name, not an exception.
/// </summary>
public abstract class TypeDiscriminatedConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    /// <summary>The concrete type to read for a <c>type</c> value, or the fallback type.</summary>
    protected abstract Type Resolve(string? type);

    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected an object for {typeof(TBase).Name}.");
        }

        var type = root.TryGetProperty("type", out var typeProperty) && typeProperty.ValueKind == JsonValueKind.String
            ? typeProperty.GetString()
            : null;
        return (TBase?)root.Deserialize(options.GetTypeInfo(Resolve(type)));
    }

    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
}

public sealed class WebhookEventConverter : TypeDiscriminatedConverter<WebhookEvent>
{
    protected override Type Resolve(string? type) => type switch
    {
        "message" => typeof(MessageEvent),
        "follow" => typeof(FollowEvent),
        "unfollow" => typeof(UnfollowEvent),
        "postback" => typeof(PostbackEvent),
        _ => typeof(UnknownEvent),
    };
}

public sealed class MessageContentConverter : TypeDiscriminatedConverter<MessageContent>
{
    protected override Type Resolve(string? type) => type switch
    {
        "text" => typeof(TextMessageContent),
        "image" => typeof(ImageMessageContent),
        "video" => typeof(VideoMessageContent),
        "audio" => typeof(AudioMessageContent),
        "file" => typeof(FileMessageContent),
        "location" => typeof(LocationMessageContent),
        "sticker" => typeof(StickerMessageContent),
        _ => typeof(UnknownMessageContent),
    };
}
