using System.Text.Json.Serialization;

namespace Bot.Host.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The advisors' web page: its keys, logins in Redis and their rate limits, enum names in JSON.</summary>
    public static WebApplicationBuilder AddAdvisorDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Accounts.AdvisorAccounts>();
        builder.Services.AddSingleton<DashboardKeys>();
        builder.Services.AddSingleton<DashboardSessions>();
        builder.Services.AddDashboardLoginLimits();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>
    /// Before any dashboard endpoint runs: login rate limits, then <see cref="DashboardGuard"/> (security headers, body
    /// limits, the forgery check, the session). Routing has run already, so both see which endpoint was chosen.
    /// </summary>
    public static WebApplication UseDashboardGuard(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseMiddleware<DashboardGuard>();
        return app;
    }
}
