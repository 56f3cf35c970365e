namespace Bot.Host.Line.Api;

/// <summary>The body LINE posts to the webhook. <c>events</c> may be empty: LINE sends that to verify the URL.</summary>
public sealed record CallbackRequest(string Destination, IReadOnlyList<WebhookEvent> Events);
