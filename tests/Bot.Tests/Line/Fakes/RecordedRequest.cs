using System.Text.Json.Nodes;

namespace Bot.Tests.Line.Fakes;

/// <summary>A request the bot made to the fake, with the status the fake answered.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    int StatusCode)
{
    public string? RetryKey => Headers.GetValueOrDefault("X-Line-Retry-Key");
}

/// <summary>A message that reached a user. <paramref name="Via"/> is reply, push, multicast or broadcast.</summary>
/// <summary>A message a user received; <see cref="Id"/> is the id LINE returned in sentMessages (for push and reply).</summary>
public sealed record DeliveredMessage(string UserId, string Via, JsonObject Message, string Id)
{
    public string? Type => (string?)Message["type"];

    public string? Text => (string?)Message["text"];
}
