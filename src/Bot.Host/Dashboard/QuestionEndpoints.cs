using Bot.Host.Advisors;
using Bot.Host.Storage;

namespace Bot.Host.Dashboard;

/// <summary>Students' questions: the open threads of the advisor's schools, answers and hand-backs (audited in <see cref="AdvisorInbox"/>).</summary>
internal static class QuestionEndpoints
{
    public static RouteGroupBuilder MapQuestions(this RouteGroupBuilder api)
    {
        api.MapGet("/questions", async (HttpContext http, AdvisorInbox inbox) =>
        {
            var scope = DashboardGuard.AdvisorOf(http).Scope;
            return Results.Ok((await inbox.OpenAsync()).Where(t => DashboardEndpoints.InScope(scope, t.Student.School)));
        });
        api.MapPost("/questions/{key}/answer", async (HttpContext http, string key, AnswerRequest request, AdvisorInbox inbox, StudentDirectory directory, CancellationToken ct) =>
        {
            if (!DashboardEndpoints.IsStudentKey(key) || string.IsNullOrWhiteSpace(request.Text))
            {
                return Results.BadRequest();
            }

            var advisor = DashboardGuard.AdvisorOf(http);
            return !await MayReachAsync(advisor, key, directory)
                ? Results.StatusCode(StatusCodes.Status403Forbidden)
                : Results.Ok(new { result = (await inbox.AnswerAsync(StudentKey.Parse(key), request.Text.Trim(), advisor.Id, ct)).ToString() });
        });
        api.MapPost("/questions/{key}/handback", async (HttpContext http, string key, AdvisorInbox inbox, StudentDirectory directory, CancellationToken ct) =>
        {
            if (!DashboardEndpoints.IsStudentKey(key))
            {
                return Results.BadRequest();
            }

            var advisor = DashboardGuard.AdvisorOf(http);
            return !await MayReachAsync(advisor, key, directory)
                ? Results.StatusCode(StatusCodes.Status403Forbidden)
                : Results.Ok(new { ok = await inbox.HandBackAsync(StudentKey.Parse(key), advisor.Id, ct) });
        });
        return api;
    }

    /// <summary>An admin reaches everyone; a scoped advisor only students of their schools (one record read).</summary>
    private static async Task<bool> MayReachAsync(DashboardAdvisor advisor, string key, StudentDirectory directory) =>
        advisor.Scope is null || (await directory.ReadStateAsync(StudentKey.Parse(key)) is { } state
            && DashboardEndpoints.InScope(advisor.Scope, state.Answer("schoolId")));
}
