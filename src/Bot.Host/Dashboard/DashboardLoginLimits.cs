using System.Globalization;
using System.Threading.RateLimiting;
using Bot.Host.Advisors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bot.Host.Dashboard;

/// <summary>
/// Login attempts are limited per client address and in total (ASP.NET Core's rate limiter, sliding windows), right
/// or wrong, before the body is read: guessing the key costs an attacker the window per few tries, from every address
/// together. Limits are per host (several hosts multiply them). The total limit can keep a real advisor out while an
/// attack lasts; a signed-in advisor is not affected (sessions do not log in again).
/// </summary>
internal static class DashboardLoginLimits
{
    /// <summary>Marks the login endpoint; every other request passes the limiter untouched.</summary>
    public sealed class Marker
    {
        public static readonly Marker Instance = new();
    }

    public static IServiceCollection AddDashboardLoginLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AdvisorsOptions>, ILoggerFactory>((limiter, advisors, loggers) =>
        {
            var o = advisors.Value;
            var logger = loggers.CreateLogger(typeof(DashboardLoginLimits).FullName!);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : o.LoginWindow;
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                DashboardLog.LoginThrottled(logger, Math.Ceiling(retryAfter.TotalSeconds));
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsLogin(http)
                    ? RateLimitPartition.GetSlidingWindowLimiter("addr:" + AddressOf(http), _ => Window(o.LoginAttemptsPerAddress, o.LoginWindow))
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsLogin(http)
                    ? RateLimitPartition.GetSlidingWindowLimiter("all", _ => Window(o.LoginAttemptsTotal, o.LoginWindow))
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
        });
        return services;
    }

    private static bool IsLogin(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null;

    /// <summary>The connection's address. Behind a reverse proxy this is the proxy, which then shares one budget: configure forwarded headers there deliberately.</summary>
    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
