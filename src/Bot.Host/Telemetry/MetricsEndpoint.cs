using System.Net;
using System.Security.Cryptography;
using System.Text;
using Bot.Host.Advisors;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Bot.Host.Telemetry;

public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary><c>GET /metrics</c>: Prometheus text format; loopback callers, or anyone with <c>Authorization: Bearer &lt;Advisors:ApiKey&gt;</c>.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.MapGet(Path, async (HttpContext http, CollectorRegistry registry) =>
        {
            http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await registry.CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted);
        }).AddEndpointFilter<MetricsAccess>();
        return app;
    }
}

/// <summary>
/// Who may read the metrics: a process on the same machine (a node agent, a sidecar, <c>curl</c> in the container) and
/// anyone who presents the advisors' key. Series carry no personal values, but they describe the deployment. Without a
/// key configured only loopback callers get them.
/// </summary>
internal sealed class MetricsAccess(IOptionsMonitor<AdvisorsOptions> advisors) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (IsLoopback(http.Connection.RemoteIpAddress) || HasKey(http.Request.Headers.Authorization.ToString(), advisors.CurrentValue.ApiKey))
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Unauthorized();
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool HasKey(string authorization, string key)
    {
        const string Scheme = "Bearer ";
        if (key.Length == 0 || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()), Encoding.UTF8.GetBytes(key));
    }
}
