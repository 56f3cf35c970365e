using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Line.Fakes;

/// <summary>The Messaging API endpoints the bot uses, answering as LINE does (status codes and error bodies).</summary>
public sealed partial class FakeLinePlatform
{
    private const string BodyKey = "line.body";
    private const string RawBodyKey = "line.raw";

    private static readonly SchemaValidator Validator = new(OpenApiSpec.MessagingApi);

    private long nextMessageId = 500_000_000_000_000;

    private void MapEndpoints(WebApplication web)
    {
        web.Use(RecordAndGuardAsync);
        web.MapPost("/v2/bot/message/reply", ReplyAsync);
        web.MapPost("/v2/bot/message/push", context => SendWithRetryKeyAsync(context, "push", "PushMessageRequest", body => [(string)body["to"]!]));
        web.MapPost("/v2/bot/message/multicast", context => SendWithRetryKeyAsync(context, "multicast", "MulticastRequest", body => body["to"]!.AsArray().Select(t => (string)t!).ToList()));
        web.MapPost("/v2/bot/message/broadcast", context => SendWithRetryKeyAsync(context, "broadcast", "BroadcastRequest", _ => KnownUsers()));
        web.MapPost("/v2/bot/chat/loading/start", LoadingAsync);
        web.MapGet("/v2/bot/profile/{userId}", ProfileAsync);
        web.MapGet("/v2/bot/message/quota", context => WriteAsync(context, 200, Quota()));
        web.MapGet("/v2/bot/message/quota/consumption", context => WriteAsync(context, 200, new JsonObject { ["totalUsage"] = TotalUsage }));
        web.MapGet("/v2/bot/message/{messageId}/content", ContentAsync);
        MapChannelEndpoints(web);
        MapRichMenuEndpoints(web);
    }

    /// <summary>Reads and records every request, then applies what LINE checks before any endpoint: host, token, injected failures.</summary>
    private async Task RecordAndGuardAsync(HttpContext context, RequestDelegate next)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        JsonNode? body = null;
        var badJson = false;
        // Binary uploads (a rich menu's image) are kept as they came; everything else must be JSON.
        context.Items[RawBodyKey] = buffer.ToArray();
        try
        {
            body = buffer.Length > 0 && context.Request.ContentType?.StartsWith("image/", StringComparison.Ordinal) != true ? JsonNode.Parse(buffer.ToArray()) : null;
        }
        catch (JsonException)
        {
            badJson = true;
        }

        context.Items[BodyKey] = body;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        // Recorded as the response starts, so a test that has the response also sees the record.
        context.Response.OnStarting(() =>
        {
            lock (gate)
            {
                requests.Add(new RecordedRequest(context.Request.Method, context.Request.Path, headers, body, context.Response.StatusCode));
            }

            changed.Pulse();
            return Task.CompletedTask;
        });

        var isDataPath = context.Request.Path.Value!.EndsWith("/content", StringComparison.Ordinal);
        var onDataPort = context.Connection.LocalPort == listeners[1].IPEndPoint!.Port;
        if (isDataPath != onDataPort)
        {
            await WriteAsync(context, 404, Error("Not found"));
        }
        else if (headers.GetValueOrDefault("Authorization") != $"Bearer {ChannelAccessToken}")
        {
            await WriteAsync(context, 401, Error("Authentication failed. Confirm that the access token in the authorization header is valid."));
        }
        else if (!IsChannelSetting(context.Request.Path) && !IsRichMenuCall(context.Request.Path) && TryTakeFailure(out var statusCode))
        {
            await WriteAsync(context, statusCode, Error("Injected failure"));
        }
        else if (badJson)
        {
            await RejectAsync(context, [new SpecViolation("", "The request body is not valid JSON")]);
        }
        else
        {
            await next(context);
        }
    }

    private async Task ReplyAsync(HttpContext context)
    {
        if (await RejectIfInvalidAsync(context, "ReplyMessageRequest"))
        {
            return;
        }

        var body = Body(context)!;
        if (!ReplyTokens.TryUse((string?)body["replyToken"], out var userId))
        {
            await WriteAsync(context, 400, Error("Invalid reply token"));
            return;
        }

        var messages = body["messages"]!.AsArray();
        await WriteAsync(context, 200, SentMessages(Deliver("reply", [userId], messages)));
    }

    /// <summary>Push, multicast and broadcast: a retry key already accepted answers 409 and delivers nothing.</summary>
    private async Task SendWithRetryKeyAsync(HttpContext context, string via, string schemaName, Func<JsonNode, IReadOnlyList<string>> recipients)
    {
        var retryKey = context.Request.Headers["X-Line-Retry-Key"].ToString();
        if (retryKey.Length > 0 && !Guid.TryParseExact(retryKey, "D", out _))
        {
            await RejectAsync(context, [new SpecViolation("X-Line-Retry-Key", "Must be a UUID")]);
            return;
        }

        if (await RejectIfInvalidAsync(context, schemaName))
        {
            return;
        }

        var requestId = Guid.NewGuid().ToString();
        string? acceptedId = null;
        if (retryKey.Length > 0)
        {
            lock (gate)
            {
                if (!acceptedRetryKeys.TryGetValue(retryKey, out acceptedId))
                {
                    acceptedRetryKeys[retryKey] = requestId;
                }
            }
        }

        if (acceptedId is not null)
        {
            context.Response.Headers["x-line-accepted-request-id"] = acceptedId;
            await WriteAsync(context, 409, Error("The retry key is already accepted"));
            return;
        }

        var body = Body(context)!;
        var messages = body["messages"]!.AsArray();
        var ids = Deliver(via, recipients(body), messages);
        context.Response.Headers["x-line-request-id"] = requestId;
        await WriteAsync(context, 200, via == "push" ? SentMessages(ids) : []);
    }

    private async Task LoadingAsync(HttpContext context)
    {
        if (await RejectIfInvalidAsync(context, "ShowLoadingAnimationRequest"))
        {
            return;
        }

        var body = Body(context)!;
        if (body["loadingSeconds"] is JsonValue seconds && seconds.GetValue<int>() % 5 != 0)
        {
            await RejectAsync(context, [new SpecViolation("loadingSeconds", "Must be a multiple of 5")]);
            return;
        }

        lock (gate)
        {
            loadingShownFor.Add((string)body["chatId"]!);
        }

        await WriteAsync(context, 202, []);
    }

    private async Task ProfileAsync(HttpContext context)
    {
        var userId = (string)context.Request.RouteValues["userId"]!;
        (string DisplayName, string? Language) profile;
        bool found;
        lock (gate)
        {
            found = profiles.TryGetValue(userId, out profile);
        }

        if (!found)
        {
            await WriteAsync(context, 404, Error("Not found"));
            return;
        }

        var json = new JsonObject { ["userId"] = userId, ["displayName"] = profile.DisplayName };
        if (profile.Language is not null)
        {
            json["language"] = profile.Language;
        }

        await WriteAsync(context, 200, json);
    }

    private async Task ContentAsync(HttpContext context)
    {
        var messageId = (string)context.Request.RouteValues["messageId"]!;
        (byte[] Data, string ContentType) content;
        bool found;
        lock (gate)
        {
            found = contents.TryGetValue(messageId, out content);
        }

        if (!found)
        {
            await WriteAsync(context, 404, Error("Not found"));
            return;
        }

        context.Response.ContentType = content.ContentType;
        context.Response.ContentLength = content.Data.Length;
        await context.Response.Body.WriteAsync(content.Data);
    }

    private async Task<bool> RejectIfInvalidAsync(HttpContext context, string schemaName)
    {
        var body = Body(context);
        var found = body is null
            ? [new SpecViolation("", "The request body is required")]
            : Validator.Validate(schemaName, body).Concat(DocumentedLimits.Check(body)).ToList();
        if (found.Count == 0)
        {
            return false;
        }

        await RejectAsync(context, found);
        return true;
    }

    /// <summary>LINE's 400 shape: <c>{"message":"The request body has N error(s)","details":[{message,property}]}</c>.</summary>
    private async Task RejectAsync(HttpContext context, List<SpecViolation> found)
    {
        lock (gate)
        {
            violations.AddRange(found);
        }

        var details = new JsonArray(found.Select(v => (JsonNode)new JsonObject { ["message"] = v.Message, ["property"] = v.Property }).ToArray());
        await WriteAsync(context, 400, new JsonObject { ["message"] = $"The request body has {found.Count} error(s)", ["details"] = details });
    }

    private static JsonObject SentMessages(IReadOnlyList<string> ids) =>
        new() { ["sentMessages"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["quoteToken"] = $"q{id}" })]) };

    private JsonObject Quota()
    {
        var quota = new JsonObject { ["type"] = QuotaType };
        if (QuotaValue is { } value)
        {
            quota["value"] = value;
        }

        return quota;
    }

    private static JsonNode? Body(HttpContext context) => context.Items[BodyKey] as JsonNode;

    private static JsonObject Error(string message) => new() { ["message"] = message };

    private static async Task WriteAsync(HttpContext context, int statusCode, JsonObject body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
