using System.Globalization;
using System.Text;
using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Broadcasts;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Dashboard;

/// <summary>The advisors' page and its JSON API. Everything under /dashboard/api needs a session cookie.</summary>
public static class DashboardEndpoints
{
    public const string Root = "/dashboard";

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet(Root, (IOptions<AdvisorsOptions> options) => Results.Content(
            options.Value.DashboardEnabled ? DashboardPage.Html : DashboardPage.DisabledHtml, "text/html; charset=utf-8"));
        app.MapPost("/dashboard/login", LoginAsync).WithMetadata(DashboardLoginLimits.Marker.Instance);
        app.MapPost("/dashboard/logout", LogoutAsync);

        // DashboardGuard checks the session before the endpoint runs, so no body is read for a request without one.
        var api = app.MapGroup("/dashboard/api").WithMetadata(DashboardSessionRequired.Instance);
        api.MapGet("/me", () => Results.Ok(new { ok = true }));
        api.MapGet("/students", async ([AsParameters] StudentQuery query, StudentDirectory directory, CancellationToken ct) =>
            Results.Ok(await QueryAsync(directory, query, ct)));
        api.MapGet("/students.csv", async ([AsParameters] StudentQuery query, StudentDirectory directory, CancellationToken ct) =>
            Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(await QueryAsync(directory, query, ct)))).ToArray(), "text/csv; charset=utf-8", "students.csv"));
        api.MapGet("/students/{key}/timeline", TimelineAsync);
        api.MapGet("/stats", async (StudentDirectory directory, Bot.Dialogs.Reminders.HolidayCalendar holidays, TimeProvider time, CancellationToken ct) =>
            Results.Ok(new { text = AdvisorStats.Describe(await directory.AllAsync(ct)) + (Reminders.HolidayCalendarCheck.Note(holidays, time) is { } note ? "\n\n⚠️ " + note : string.Empty) }));

        api.MapPost("/broadcasts/preview", async (BroadcastRequest request, BroadcastService broadcasts, CancellationToken ct) =>
            Results.Ok(await broadcasts.PreviewAsync(request.Filter ?? new AudienceFilter(), ct)));
        api.MapPost("/broadcasts", async (HttpContext http, BroadcastRequest request, BroadcastService broadcasts, CancellationToken ct) =>
        {
            var preview = await broadcasts.CreateDraftAsync(request.Text ?? string.Empty, request.Filter ?? new AudienceFilter(), request.At, DashboardGuard.AdvisorOf(http).Id, ct);
            return preview.JobId is null ? Results.UnprocessableEntity(preview) : Results.Ok(preview);
        });
        api.MapPost("/broadcasts/{id}/confirm", async (string id, BroadcastService broadcasts, CancellationToken ct) =>
        {
            var (ok, message) = await broadcasts.ConfirmAsync(id, ct);
            return ok ? Results.Ok(new { message }) : Results.Conflict(new { message });
        });
        api.MapPost("/broadcasts/{id}/cancel", async (string id, BroadcastService broadcasts) =>
            await broadcasts.CancelAsync(id) ? Results.Ok() : Results.Conflict());
        api.MapGet("/broadcasts", async (BroadcastStore store) =>
            Results.Ok((await store.RecentAsync()).Select(j => new { j.Id, j.Text, j.Filter, j.CreatedBy, j.CreatedAt, j.DueAt, j.Status, j.FinishedAt, j.Channels, report = j.ReportText() })));

        api.MapGet("/questions", async (AdvisorInbox inbox) => Results.Ok(await inbox.OpenAsync()));
        api.MapPost("/questions/{key}/answer", async (HttpContext http, string key, AnswerRequest request, AdvisorInbox inbox, CancellationToken ct) =>
            !IsStudentKey(key) || string.IsNullOrWhiteSpace(request.Text)
                ? Results.BadRequest()
                : Results.Ok(new { result = (await inbox.AnswerAsync(StudentKey.Parse(key), request.Text.Trim(), DashboardGuard.AdvisorOf(http).Id, ct)).ToString() }));
        api.MapPost("/questions/{key}/handback", async (HttpContext http, string key, AdvisorInbox inbox, CancellationToken ct) =>
            IsStudentKey(key) ? Results.Ok(new { ok = await inbox.HandBackAsync(StudentKey.Parse(key), DashboardGuard.AdvisorOf(http).Id, ct) }) : Results.BadRequest());

        api.MapPost("/chat", ChatAsync);
        api.MapDeadLetters();
        api.MapSchoolLinks();
        return app;
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http, LoginRequest request, DashboardKeys keys, DashboardSessions sessions, IOptions<AdvisorsOptions> options, ILogger<DashboardSessions> logger)
    {
        if (!options.Value.DashboardEnabled)
        {
            return Results.NotFound();
        }

        if (keys.Identify(request.Key) is not { } advisor)
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

    private static async Task<IReadOnlyList<StudentSummary>> QueryAsync(StudentDirectory directory, StudentQuery query, CancellationToken ct)
    {
        var all = await directory.AllAsync(ct);
        return [.. all.Where(s => (query.Channel is { Length: > 0 } || s.Channel is "tg" or "line") && query.Matches(s))];
    }

    private static async Task<IResult> TimelineAsync(string key, StudentDirectory directory, AdvisorInbox inbox, TimeProvider time)
    {
        if (!IsStudentKey(key))
        {
            return Results.NotFound();
        }

        var student = StudentKey.Parse(key);
        var state = await directory.ReadStateAsync(student);
        if (state is null)
        {
            return Results.NotFound();
        }

        var summary = StudentSummary.From(student, state, time.GetUtcNow());
        return Results.Ok(DashboardTimeline.Build(summary, state, await inbox.MessagesAsync(student)));
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
    private static bool IsStudentKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < key.Length - 1 && key.Length <= 100;
    }

    public static string Csv(IEnumerable<StudentSummary> students)
    {
        var csv = new StringBuilder("key,name,channel,language,application,stage,programme,arc_expiry,next_deadline,overdue,expires_soon,with_advisor,last_active\r\n");
        foreach (var s in students)
        {
            string[] cells =
            [
                s.Key, s.Name, s.Channel, s.Language, s.ApplicationKind ?? string.Empty, s.Stage.ToString(), s.Programme ?? string.Empty,
                s.ArcExpiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                s.NextDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                s.Overdue ? "yes" : "no", s.ExpiresSoon ? "yes" : "no", s.WithAdvisor ? "yes" : "no",
                s.LastActive.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Quotes as RFC 4180 and defuses formulas (a name starting with = must not run in a spreadsheet).</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
