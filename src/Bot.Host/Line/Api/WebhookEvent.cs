namespace Bot.Host.Line.Api;

/// <summary>
/// Fields every webhook event carries. Deserialised through <see cref="WebhookEventConverter"/>, which picks the
/// subtype by <c>type</c> and keeps types we do not know as <see cref="UnknownEvent"/> instead of failing.
/// </summary>
public abstract record WebhookEvent
{
    public required string Type { get; init; }

    /// <summary><c>active</c> or <c>standby</c>; in standby another module owns the chat and we must not reply.</summary>
    public string Mode { get; init; } = "active";

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long Timestamp { get; init; }

    public EventSource? Source { get; init; }

    /// <summary>ULID; the same on a redelivery, so it is the key for de-duplication.</summary>
    public required string WebhookEventId { get; init; }

    public DeliveryContext DeliveryContext { get; init; } = new(false);
}

/// <summary>Where an event came from. One flat record: user, group and room differ only in which ids are present.</summary>
public sealed record EventSource(string Type, string? UserId = null, string? GroupId = null, string? RoomId = null);

public sealed record DeliveryContext(bool IsRedelivery);
