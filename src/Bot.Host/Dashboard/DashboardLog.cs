namespace Bot.Host.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A dashboard login was refused: too many attempts from its address or in total; retry after {RetryAfterSeconds} s")]
    public static partial void LoginThrottled(ILogger logger, double retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dashboard login failed (wrong key)")]
    public static partial void LoginFailed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dashboard {Method} without a JSON body or the {Header} header was refused (possible cross-site request)")]
    public static partial void ForgeryRefused(ILogger logger, string method, string header);
}
