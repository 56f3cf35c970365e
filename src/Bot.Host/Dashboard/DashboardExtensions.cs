using System.Text.Json.Serialization;

namespace Bot.Host.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The advisors' web page: logins in Redis, enum names in JSON.</summary>
    public static WebApplicationBuilder AddAdvisorDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DashboardSessions>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }
}
