using System.Text.Json.Nodes;

namespace Bot.Tests.Infrastructure;

/// <summary>An answer in the Bot API envelope: {"ok":true,"result":...} or {"ok":false,"error_code":...,"description":...}.</summary>
internal sealed record ApiReply(int StatusCode, JsonObject Body)
{
    /// <summary>The message the call produced or touched, for the recorded <see cref="BotCall"/>.</summary>
    public int? MessageId { get; init; }

    public bool IsOk => StatusCode == 200;

    public string? Description => (string?)Body["description"];

    public static ApiReply Ok(JsonNode? result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    public static ApiReply Message(JsonObject message) => Ok(message) with { MessageId = (int)message["message_id"]! };

    public static ApiReply BadRequest(string problem) => Error(400, $"Bad Request: {problem}");

    public static ApiReply Error(int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }
        return new ApiReply(code, body);
    }
}
