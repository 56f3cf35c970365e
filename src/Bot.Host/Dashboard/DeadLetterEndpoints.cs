using Bot.Host.Inbox;

namespace Bot.Host.Dashboard;

/// <summary>Undelivered messages (dead letters) on the dashboard, for admins: how many, the newest, and a replay for each (audited).</summary>
internal static class DeadLetterEndpoints
{
    private const int Shown = 100;

    public static RouteGroupBuilder MapDeadLetters(this RouteGroupBuilder api)
    {
        api.MapGet("/dead-letters", async (DeadLetters letters) =>
            Results.Ok(new { count = await letters.CountAsync(), items = await letters.ListAsync(Shown) }));

        // Back into the inbox: handled as if it had just arrived, on whichever host reads its shard.
        api.MapPost("/dead-letters/{id}/replay", async (HttpContext http, string id, DeadLetters letters, Audit.AuditTrail audit) =>
        {
            if (!await letters.ReplayAsync(id))
            {
                return Results.NotFound();
            }

            await audit.RecordAsync(DashboardGuard.AdvisorOf(http).Id, "replay", id);
            return Results.Ok(new { ok = true });
        });
        return api;
    }
}
