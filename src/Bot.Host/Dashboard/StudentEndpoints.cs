using Bot.Host.Advisors;
using Bot.Host.Audit;
using Bot.Host.Roster;
using Bot.Host.Storage;
using System.Globalization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Bot.Host.Dashboard;

/// <summary>The students table (a page of the roster), its CSV (streamed), a student's timeline, and the overview.</summary>
internal static class StudentEndpoints
{
    public static RouteGroupBuilder MapStudents(this RouteGroupBuilder api)
    {
        // The table's own call: one page, sorted and filtered on the roster, with the total.
        api.MapGet("/students/page", async (HttpContext http, [AsParameters] StudentQuery query, RosterSearch search) =>
            Results.Ok(await search.PageAsync(
                query.ToRoster(DashboardGuard.AdvisorOf(http).Scope), query.SortBy, query.Descending, query.Page ?? 1, query.PageSize ?? StudentQuery.DefaultPageSize)));

        // The original list (a JSON array): one page when page or pageSize is given (the total in X-Total-Count), else
        // every match, written as the roster is read.
        api.MapGet("/students", StudentsAsync);

        // Written page by page as the roster is read: the whole list is never in memory, whatever its size.
        api.MapGet("/students.csv", (HttpContext http, [AsParameters] StudentQuery query, RosterSearch search) =>
            Results.Stream(
                body => StudentCsv.WriteAsync(body, search.StreamAsync(query.ToRoster(DashboardGuard.AdvisorOf(http).Scope), query.SortBy, query.Descending, http.RequestAborted), http.RequestAborted),
                "text/csv; charset=utf-8",
                "students.csv"));

        api.MapGet("/students/{key}/timeline", TimelineAsync);
        api.MapGet("/overview", async (HttpContext http, RosterOverview overview) => Results.Ok(await overview.ReadAsync(DashboardGuard.AdvisorOf(http).Scope)));
        api.MapGet("/stats", async (HttpContext http, RosterOverview overview, Bot.Dialogs.Reminders.HolidayCalendar holidays, TimeProvider time) =>
            Results.Ok(new { text = (await overview.ReadAsync(DashboardGuard.AdvisorOf(http).Scope)).Describe() + (Reminders.HolidayCalendarCheck.Note(holidays, time) is { } note ? "\n\n⚠️ " + note : string.Empty) }));

        api.MapGet("/roster", async (RosterRebuild rebuild) =>
        {
            var (built, progress) = await rebuild.StatusAsync();
            return Results.Ok(new { built, progress });
        });
        api.MapPost("/roster/rebuild", async (HttpContext http, RosterRebuild rebuild, AuditTrail audit) =>
        {
            await rebuild.RequestAsync();
            await audit.RecordAsync(DashboardGuard.AdvisorOf(http).Id, "roster.rebuild", "roster");
            return Results.Accepted();
        }).WithMetadata(DashboardAdminOnly.Instance);
        return api;
    }

    private static async Task<IResult> StudentsAsync(
        HttpContext http, [AsParameters] StudentQuery query, RosterSearch search, IOptions<JsonOptions> json)
    {
        var roster = query.ToRoster(DashboardGuard.AdvisorOf(http).Scope);
        if (query.Page is not null || query.PageSize is not null)
        {
            var page = await search.PageAsync(roster, query.SortBy, query.Descending, query.Page ?? 1, query.PageSize ?? StudentQuery.DefaultPageSize);
            http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
            return Results.Json(page.Items, json.Value.SerializerOptions);
        }

        return Results.Stream(
            body => StudentJson.WriteAsync(body, search.StreamAsync(roster, query.SortBy, query.Descending, http.RequestAborted), json.Value.SerializerOptions, http.RequestAborted),
            "application/json; charset=utf-8");
    }

    private static async Task<IResult> TimelineAsync(HttpContext http, string key, string? lang, StudentDirectory directory, AdvisorInbox inbox, TimeProvider time)
    {
        if (!DashboardEndpoints.IsStudentKey(key))
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
        if (!DashboardEndpoints.InScope(DashboardGuard.AdvisorOf(http).Scope, summary.School))
        {
            // Another school's student: as if there were none.
            return Results.NotFound();
        }

        var language = lang == "zh-TW" ? Bot.Dialogs.Messages.Language.TraditionalChinese : Bot.Dialogs.Messages.Language.English;
        return Results.Ok(DashboardTimeline.Build(summary, state, await inbox.MessagesAsync(student), language));
    }
}
