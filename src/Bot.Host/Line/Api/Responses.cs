namespace Bot.Host.Line.Api;

/// <summary>Body of a successful reply or push.</summary>
public sealed record SentMessagesResponse(IReadOnlyList<SentMessage>? SentMessages);

public sealed record SentMessage(string Id, string? QuoteToken = null);

/// <summary><paramref name="Language"/> is a BCP 47 tag, absent until the user accepted LINE's privacy policy.</summary>
public sealed record UserProfile(string UserId, string DisplayName, string? PictureUrl = null, string? StatusMessage = null, string? Language = null);

/// <summary><paramref name="Type"/> is <c>none</c> (no limit) or <c>limited</c> (then <paramref name="Value"/> is the monthly limit).</summary>
public sealed record MessageQuota(string Type, long? Value = null);

public sealed record QuotaConsumption(long TotalUsage);

/// <summary><paramref name="Active"/> is the console's "Use webhook" switch: off, LINE delivers nothing even to a set URL.</summary>
public sealed record WebhookEndpointInfo(string Endpoint, bool Active);

/// <summary>LINE's error body, e.g. <c>{"message":"Invalid reply token"}</c>.</summary>
public sealed record LineErrorResponse(string Message, IReadOnlyList<LineErrorDetail>? Details = null);

public sealed record LineErrorDetail(string? Message = null, string? Property = null);
