using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;
using Bot.Host.Advisors;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Dashboard;

/// <summary>The advisors' page and its JSON API. Everything under /dashboard/api needs a session cookie; some of it an admin's.</summary>
public static class DashboardEndpoints
{
    public const string Root = "/dashboard";

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet(Root, (IOptions<AdvisorsOptions> options) => Results.Content(
            options.Value.DashboardEnabled ? DashboardPage.Html : DashboardPage.DisabledHtml, "text/html; charset=utf-8"));
        app.MapPost("/dashboard/login", LoginAsync).WithMetadata(DashboardLoginLimits.Marker.Instance);
        app.MapPost("/dashboard/logout", LogoutAsync);

        // DashboardGuard checks the session (and an admin's role where marked) before the endpoint runs, so no body is
        // read for a request that will be refused.
        var api = app.MapGroup("/dashboard/api").WithMetadata(DashboardSessionRequired.Instance);
        api.MapGet("/me", Me);
        api.MapStudents();
        api.MapBroadcasts();
        api.MapQuestions();
        api.MapPost("/chat", ChatAsync);
        api.MapSchoolLinks();

        var admin = api.MapGroup(string.Empty).WithMetadata(DashboardAdminOnly.Instance);
        admin.MapDeadLetters();
        admin.MapAccounts();
        return app;
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http, LoginRequest request, DashboardKeys keys, DashboardSessions sessions, IOptions<AdvisorsOptions> options, ILogger<DashboardSessions> logger)
    {
        if (!options.Value.DashboardEnabled)
        {
            return Results.NotFound();
        }

        if (await keys.IdentifyAsync(request.Name, request.Key) is not { } advisor)
        {
            // On top of the rate limits (DashboardLoginLimits), a small delay slows a single client's guesses further.
            DashboardLog.LoginFailed(logger);
            await Task.Delay(TimeSpan.FromMilliseconds(300), http.RequestAborted);
            return Results.Unauthorized();
        }

        http.Response.Cookies.Append(DashboardSessions.CookieName, await sessions.StartAsync(advisor), sessions.CookieOptions());
        return Results.Ok(new { ok = true });
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, DashboardSessions sessions)
    {
        if (http.Request.Cookies.TryGetValue(DashboardSessions.CookieName, out var id))
        {
            await sessions.EndAsync(id);
        }

        http.Response.Cookies.Delete(DashboardSessions.CookieName, sessions.CookieOptions());
        return Results.Ok();
    }

    /// <summary>Who is signed in and what the page's menus offer (schools, languages, programmes), in one request.</summary>
    private static IResult Me(HttpContext http, IOptions<SchoolsOptions> schools)
    {
        var advisor = DashboardGuard.AdvisorOf(http);
        var visible = schools.Value.Schools.Where(s => advisor.Scope?.Contains(s.Id) ?? true);
        return Results.Ok(new
        {
            ok = true,
            name = advisor.Id,
            role = advisor.Role.ToString(),
            schools = advisor.Scope,
            schoolList = visible.Select(s => new { id = s.Id, name = s.Name }),
            languages = Languages.All.Select(l => l.Code()),
            programmes = NiaLists.Programmes.Options.Select(o => new { code = o.Code, name = o.Value, english = o.English }),
        });
    }

    private static async Task<IResult> ChatAsync(HttpContext http, ChatRequest request, TurnProcessor turns, CancellationToken ct)
    {
        var session = http.Request.Cookies[DashboardSessions.CookieName]!;
        var student = new StudentKey("web", DashboardSessions.WebStudentId(session));
        var inbound = request.Button is { Length: > 0 } button ? Inbound.Button(button, "en")
            : Inbound.FromText(request.Text ?? string.Empty, "en");
        var outcome = await turns.RunAsync(student, Guid.NewGuid().ToString("N"), inbound, ct);
        if (outcome is null)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok(outcome.Replies.Select(r => new ChatReply(
            r.PlainText,
            r.Buttons?.Select(row => (IReadOnlyList<ChatButton>)[.. row.Select(c => new ChatButton(c.Label, c.Data))]).ToList() ?? [])));
    }

    /// <summary>"channel:id" with both parts present; anything else from a URL is refused before it reaches Redis.</summary>
    internal static bool IsStudentKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < key.Length - 1 && key.Length <= 100;
    }

    /// <summary>Whether an advisor limited to <paramref name="scope"/> may see a student of <paramref name="school"/> (null scope: all).</summary>
    internal static bool InScope(IReadOnlyCollection<string>? scope, string? school) =>
        scope is null || (school is not null && scope.Contains(school, StringComparer.Ordinal));
}

/// <summary>Marks the endpoints only an admin may use (accounts, audit, undelivered messages, roster rebuild).</summary>
internal sealed class DashboardAdminOnly
{
    public static readonly DashboardAdminOnly Instance = new();
}
