using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Host.Dashboard;

/// <summary>
/// Headers on every dashboard response. The Content-Security-Policy allows only the page's own inline script and
/// styles, by hash computed from the embedded page at start (so editing the page needs no policy change), and no
/// other origin for anything; the page cannot be framed, sends no referrer, and browsers do not sniff types.
/// </summary>
internal static partial class DashboardSecurityHeaders
{
    public static string ContentSecurityPolicy { get; } = Build(DashboardPage.Html, DashboardPage.DisabledHtml);

    /// <summary>One year, the value browsers' preload lists expect; only ever sent for an https site.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static void Apply(HttpResponse response, bool https)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (https)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
    }

    private static string Build(params string[] pages)
    {
        var scripts = Sources(pages.SelectMany(p => ScriptBlock().Matches(p)));
        var styles = Sources(pages.SelectMany(p => StyleBlock().Matches(p)));
        return $"default-src 'none'; script-src {scripts}; style-src {styles}; "
            + "connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    private static string Sources(IEnumerable<Match> blocks) =>
        blocks.Select(m => Hash(m.Groups["body"].Value)).Distinct().DefaultIfEmpty("'none'").Aggregate((a, b) => a + " " + b);

    private static string Hash(string inline) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'";

    [GeneratedRegex("<script>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptBlock();

    [GeneratedRegex("<style>(?<body>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();
}
