using System.Text.Json.Serialization;
using Bot.Dialogs.Conversation;

namespace Bot.Host.Conversation;

/// <summary>The outbox kept after a turn: which inbound it answered and what was said (files are not kept).</summary>
public sealed record Outbox(string InboundId, IReadOnlyList<Reply> Replies, TurnEffects Effects);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Outbox))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
