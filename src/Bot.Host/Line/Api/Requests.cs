namespace Bot.Host.Line.Api;

public sealed record ReplyMessageRequest(string ReplyToken, IReadOnlyList<LineMessage> Messages, bool? NotificationDisabled = null);

public sealed record PushMessageRequest(string To, IReadOnlyList<LineMessage> Messages, bool? NotificationDisabled = null);

public sealed record MulticastRequest(IReadOnlyList<string> To, IReadOnlyList<LineMessage> Messages, bool? NotificationDisabled = null);

public sealed record BroadcastRequest(IReadOnlyList<LineMessage> Messages, bool? NotificationDisabled = null);

public sealed record ShowLoadingAnimationRequest(string ChatId, int LoadingSeconds);

/// <summary>PUT /v2/bot/channel/webhook/endpoint: LINE accepts only an https URL of at most 500 characters.</summary>
public sealed record SetWebhookEndpointRequest(string Endpoint);
