using Bot.Host.Accounts;
using Bot.Host.Audit;

namespace Bot.Host.Dashboard;

/// <summary>Admins only: advisor accounts (create, disable, enable, new secret) and the audit trail.</summary>
internal static class AccountEndpoints
{
    private const int AuditShown = 200;

    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder admin)
    {
        admin.MapGet("/accounts", async (AdvisorAccounts accounts) => Results.Ok((await accounts.ListAsync()).Select(a => new
        {
            a.Name, role = a.Role.ToString(), a.Schools, a.Disabled, a.Configured, a.CreatedBy, a.CreatedAt,
        })));
        admin.MapPost("/accounts", async (HttpContext http, AccountRequest request, AdvisorAccounts accounts) =>
        {
            if (!Enum.TryParse<AdvisorRole>(request.Role ?? nameof(AdvisorRole.Advisor), ignoreCase: true, out var role))
            {
                return Results.BadRequest(new { problem = "role" });
            }

            var schools = (request.Schools ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var (secret, problem) = await accounts.CreateAsync(request.Name?.Trim().ToLowerInvariant() ?? string.Empty, role, schools, DashboardGuard.AdvisorOf(http).Id);
            return secret is null
                ? (problem == "taken" ? Results.Conflict(new { problem }) : Results.BadRequest(new { problem }))
                : Results.Ok(new { name = request.Name!.Trim().ToLowerInvariant(), secret });
        });
        admin.MapPost("/accounts/{name}/disable", async (HttpContext http, string name, AdvisorAccounts accounts) =>
            await accounts.SetDisabledAsync(name, disabled: true, DashboardGuard.AdvisorOf(http).Id) ? Results.Ok() : Results.NotFound());
        admin.MapPost("/accounts/{name}/enable", async (HttpContext http, string name, AdvisorAccounts accounts) =>
            await accounts.SetDisabledAsync(name, disabled: false, DashboardGuard.AdvisorOf(http).Id) ? Results.Ok() : Results.NotFound());
        admin.MapPost("/accounts/{name}/secret", async (HttpContext http, string name, AdvisorAccounts accounts) =>
            await accounts.ResetSecretAsync(name, DashboardGuard.AdvisorOf(http).Id) is { } secret ? Results.Ok(new { name, secret }) : Results.NotFound());

        admin.MapGet("/audit", async (AuditTrail audit) => Results.Ok(await audit.RecentAsync(AuditShown)));
        return admin;
    }
}
