using Bot.Host.Broadcasts;

namespace Bot.Host.Dashboard;

/// <summary>
/// Broadcasts from the dashboard, within the advisor's schools: an audience naming another school is refused (403), a
/// job created by someone with a wider reach is not theirs to see, confirm or cancel.
/// </summary>
internal static class BroadcastEndpoints
{
    public static RouteGroupBuilder MapBroadcasts(this RouteGroupBuilder api)
    {
        api.MapPost("/broadcasts/preview", async (HttpContext http, BroadcastRequest request, BroadcastService broadcasts, CancellationToken ct) =>
        {
            var advisor = DashboardGuard.AdvisorOf(http);
            var draft = request.ToDraft();
            return OutsideScope(advisor, draft) ? Forbidden() : Results.Ok(await broadcasts.PreviewAsync(draft, advisor.Scope, ct));
        });
        api.MapPost("/broadcasts", async (HttpContext http, BroadcastRequest request, BroadcastService broadcasts, CancellationToken ct) =>
        {
            var advisor = DashboardGuard.AdvisorOf(http);
            var draft = request.ToDraft();
            if (OutsideScope(advisor, draft))
            {
                return Forbidden();
            }

            var preview = await broadcasts.CreateDraftAsync(draft, advisor.Id, advisor.Scope, ct);
            return preview.JobId is null ? Results.UnprocessableEntity(preview) : Results.Ok(preview);
        });
        api.MapPost("/broadcasts/{id}/confirm", async (HttpContext http, string id, BroadcastService broadcasts, BroadcastStore store, CancellationToken ct) =>
        {
            var advisor = DashboardGuard.AdvisorOf(http);
            if (await store.GetAsync(id) is { } job && !job.IsWithin(advisor.Scope))
            {
                return Forbidden();
            }

            var (ok, message) = await broadcasts.ConfirmAsync(id, advisor.Id, ct);
            return ok ? Results.Ok(new { message }) : Results.Conflict(new { message });
        });
        api.MapPost("/broadcasts/{id}/cancel", async (HttpContext http, string id, BroadcastService broadcasts, BroadcastStore store) =>
        {
            var advisor = DashboardGuard.AdvisorOf(http);
            if (await store.GetAsync(id) is { } job && !job.IsWithin(advisor.Scope))
            {
                return Forbidden();
            }

            return await broadcasts.CancelAsync(id, advisor.Id) ? Results.Ok() : Results.Conflict();
        });
        api.MapGet("/broadcasts", async (HttpContext http, BroadcastStore store) =>
        {
            var scope = DashboardGuard.AdvisorOf(http).Scope;
            return Results.Ok((await store.RecentAsync()).Where(j => j.IsWithin(scope)).Select(j => new
            {
                j.Id, j.Text, j.Filter, j.CreatedBy, j.CreatedAt, j.DueAt, j.Status, j.FinishedAt, j.Channels, j.Urgent,
                texts = j.Texts.Texts, fallback = j.Texts.Fallback, report = j.ReportText(),
            }));
        });
        return api;
    }

    /// <summary>A scoped advisor naming a school that is not theirs.</summary>
    private static bool OutsideScope(DashboardAdvisor advisor, BroadcastDraft draft) =>
        advisor.Scope is { } scope && draft.Filter.School is { Length: > 0 } school && !scope.Contains(school, StringComparer.Ordinal);

    private static IResult Forbidden() =>
        Results.Json(new { refusal = "This audience is outside your schools.", refusalCode = "scope" }, statusCode: StatusCodes.Status403Forbidden);
}
