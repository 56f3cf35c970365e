using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Dialogs.Conversation;

namespace Bot.Host.Conversation;

/// <summary>The outbox kept after a turn: which inbound it answered and what was said (files are not kept).</summary>
public sealed record Outbox(string InboundId, IReadOnlyList<Reply> Replies, TurnEffects Effects);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Outbox))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;

internal static class OutboxJson
{
    public static byte[] Serialize(Outbox outbox) =>
        JsonSerializer.SerializeToUtf8Bytes(outbox with { Replies = [.. outbox.Replies.Where(r => r.File is null)] }, OutboxJsonContext.Default.Outbox);

    public static Outbox? Deserialize(byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, OutboxJsonContext.Default.Outbox);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
