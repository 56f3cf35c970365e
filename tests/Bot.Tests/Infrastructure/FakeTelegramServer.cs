using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// A Telegram Bot API server on 127.0.0.1 for tests: real HTTP, the official envelope and error texts,
/// every call checked against the published spec. Point Telegram.Bot at it with
/// <c>new TelegramBotClient(new TelegramBotClientOptions(fake.Token, baseUrl: fake.BaseUrl))</c>;
/// the client then calls {BaseUrl}/bot{token}/{method} and downloads from {BaseUrl}/file/bot{token}/{path}.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const string DefaultToken = "123456789:AAFakeTokenForTestsOnly_abcdefghijklmn";

    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly TelegramSpec _spec = TelegramSpec.Default;
    private readonly FakeTelegramFiles _files = new();
    private readonly TimeProvider _time;

    private FakeTelegramServer(WebApplication app, string token, TimeProvider time)
    {
        _app = app;
        Token = token;
        _time = time;
        BotId = long.Parse(token.Split(':')[0]);
    }

    public string Token { get; }

    public long BotId { get; }

    public string BotUsername => "arc_helper_test_bot";

    /// <summary>http://127.0.0.1:{port}, known once the server has started.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <param name="time">Clock for message dates and the rate-limit window; the system clock by default.</param>
    public static async Task<FakeTelegramServer> StartAsync(string token = DefaultToken, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        // The test output folder also holds the bot's appsettings; none of it (Kestrel endpoints!) may leak in here.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Telegram accepts uploads up to 50 MB; Kestrel's default stops at 30 MB.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 50 * 1024 * 1024);

        var app = builder.Build();
        var server = new FakeTelegramServer(app, token, time ?? TimeProvider.System);
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], (HttpContext http, string token, string method) =>
            server.HandleApiAsync(http, token, method));
        app.MapGet("/file/bot{token}/{**path}", (HttpContext http, string token, string path) =>
            server.HandleFileAsync(http, token, path));

        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            // Release a parked long poll now rather than after its timeout.
            _activePoll?.Cancel();
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
        _webhookClient.Dispose();
    }

    private async Task HandleApiAsync(HttpContext http, string token, string method)
    {
        if (token != Token)
        {
            await WriteAsync(http, ApiReply.Error(401, "Unauthorized"));
            return;
        }
        if (_spec.CanonicalMethodName(method) is not { } name)
        {
            AddViolation(method, "the Bot API has no such method");
            await WriteAsync(http, ApiReply.Error(404, "Not Found"));
            return;
        }
        var request = await ApiRequest.ReadAsync(http.Request, name, _spec, http.RequestAborted);
        if (InjectedFault(name, request) is { } fault)
        {
            Record(name, request, ApiReply.Error(fault == 0 ? 502 : fault, fault == 0 ? "connection dropped (injected)" : "Internal Server Error (injected)"));
            if (fault == 0)
            {
                http.Abort();
                return;
            }
            await WriteAsync(http, ApiReply.Error(fault, "Internal Server Error"));
            return;
        }
        ApiReply reply;
        try
        {
            reply = await AnswerAsync(name, request, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in the fake must show up in the test's Violations, not as an empty 500 the client cannot parse.
            AddViolation(name, $"fake server failed: {e}");
            reply = ApiReply.Error(500, $"Internal Server Error: {e.Message}");
        }
        if (name != "getUpdates")
        {
            Record(name, request, reply);
        }
        await WriteAsync(http, reply);
    }

    private async Task<ApiReply> AnswerAsync(string method, ApiRequest request, CancellationToken aborted)
    {
        var problems = _spec.Validate(method, request.Parameters, request.Uploads.Keys.ToHashSet());
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                AddViolation(method, problem);
            }
            return ApiReply.BadRequest(problems[0]);
        }
        if (CheckLimits(method, request) is { } refused)
        {
            return refused;
        }
        if (InjectedRefusal(method) is { } injected)
        {
            return injected;
        }
        return method switch
        {
            "getMe" => ApiReply.Ok(BotUser(withCapabilities: true)),
            "getUpdates" => await GetUpdatesAsync(request, aborted),
            "setWebhook" => SetWebhook(request),
            "deleteWebhook" => DeleteWebhook(request),
            "getWebhookInfo" => GetWebhookInfo(),
            "sendMessage" => SendMessage(request),
            "editMessageText" => EditMessageText(request),
            "editMessageReplyMarkup" => EditMessageReplyMarkup(request),
            "deleteMessage" => DeleteMessage(request),
            "answerCallbackQuery" => AnswerCallbackQuery(request),
            "sendDocument" => SendDocument(request),
            "sendPhoto" => SendPhoto(request),
            "sendMediaGroup" => SendMediaGroup(request),
            "sendChatAction" => SendChatAction(request),
            "setMyCommands" => SetMyCommands(request),
            "setMyDescription" => SetProfileText(_descriptions, request, "description"),
            "getMyDescription" => GetProfileText(_descriptions, request, "description"),
            "setMyShortDescription" => SetProfileText(_shortDescriptions, request, "short_description"),
            "getMyShortDescription" => GetProfileText(_shortDescriptions, request, "short_description"),
            "getFile" => GetFile(request),
            _ => NotImplemented(method),
        };
    }

    private ApiReply NotImplemented(string method)
    {
        // A real method the fake does not model yet: fail loudly so the gap is closed, not silently passed.
        AddViolation(method, "valid Bot API method, but FakeTelegramServer does not implement it");
        return ApiReply.BadRequest($"method {method} is not implemented by the fake server");
    }

    private async Task HandleFileAsync(HttpContext http, string token, string path)
    {
        if (token != Token || _files.ByPath(path) is not { } file)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await WaitIfDownloadsHeldAsync(http.RequestAborted);
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = file.Bytes.Length;
        await http.Response.Body.WriteAsync(file.Bytes, http.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext http, ApiReply reply)
    {
        http.Response.StatusCode = reply.StatusCode;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(reply.Body.ToJsonString(), http.RequestAborted);
    }

    private JsonObject BotUser(bool withCapabilities = false)
    {
        var user = new JsonObject
        {
            ["id"] = BotId,
            ["is_bot"] = true,
            ["first_name"] = "ARC Helper (test)",
            ["username"] = BotUsername,
        };
        if (withCapabilities)
        {
            user["can_join_groups"] = true;
            user["can_read_all_group_messages"] = false;
            user["supports_inline_queries"] = false;
        }
        return user;
    }

    private long UnixNow => _time.GetUtcNow().ToUnixTimeSeconds();
}
