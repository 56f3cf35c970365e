using Bot.Host.Advisors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Bot.Host.Dashboard;

/// <summary>Marks the endpoints that need a live session (the whole API).</summary>
internal sealed class DashboardSessionRequired
{
    public static readonly DashboardSessionRequired Instance = new();
}

/// <summary>
/// Runs after routing and before any dashboard endpoint, so nothing is read from a request that will be refused:
/// security headers on every response; for a POST, a small body limit and a JSON body or the <see cref="ForgeryHeader"/>
/// (neither of which a cross-site form can send); for the API, a live session (and an admin's, where marked) before the body is touched.
/// </summary>
internal sealed class DashboardGuard(
    RequestDelegate next,
    DashboardSessions sessions,
    IOptions<AdvisorsOptions> options,
    IConfiguration configuration,
    ILogger<DashboardGuard> logger)
{
    /// <summary>Any value will do: a cross-site form cannot set a header, and a cross-site fetch that does is preflighted and refused.</summary>
    public const string ForgeryHeader = "X-ARC-Dashboard";

    private readonly bool publicHttps = configuration["Bot:PublicBaseUrl"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The advisor of the request's session (API endpoints only: the guard has checked it).</summary>
    public static DashboardAdvisor AdvisorOf(HttpContext http) => http.Features.GetRequiredFeature<DashboardAdvisor>();

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments(DashboardEndpoints.Root, StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        // Behind a TLS-terminating proxy the request itself is http; a browser ignores HSTS over http anyway.
        DashboardSecurityHeaders.Apply(http.Response, https: http.Request.IsHttps || publicHttps);
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && RefuseWrite(http))
        {
            return;
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<DashboardSessionRequired>() is not null)
        {
            if (!options.Value.DashboardEnabled)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (await sessions.TouchAsync(http.Request.Cookies[DashboardSessions.CookieName]) is not { } advisor)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            http.Features.Set(advisor);
            http.Response.Headers.CacheControl = "no-store";
            if (!advisor.IsAdmin && http.GetEndpoint()?.Metadata.GetMetadata<DashboardAdminOnly>() is not null)
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
        }

        await next(http);
    }

    /// <summary>True when the write was answered here (too big, or possibly forged).</summary>
    private bool RefuseWrite(HttpContext http)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return true;
        }

        // A body sent without a length (chunked) is cut off at the same limit while it is read.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.Request.HasJsonContentType() || !string.IsNullOrEmpty(http.Request.Headers[ForgeryHeader]))
        {
            return false;
        }

        DashboardLog.ForgeryRefused(logger, http.Request.Method, ForgeryHeader);
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return true;
    }
}
