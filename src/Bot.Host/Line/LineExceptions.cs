using System.Net;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>LINE answered with an error we do not turn into a result (auth, rate limit after retries, 5xx, bad request).</summary>
public sealed class LineApiException(HttpStatusCode statusCode, LineErrorResponse? error)
    : Exception($"LINE API answered {(int)statusCode}: {error?.Message ?? "(no message)"}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public LineErrorResponse? Error { get; } = error;
}

/// <summary>A message breaks a LINE limit; thrown before anything is sent, so it is a bug in the caller.</summary>
public sealed class LineLimitException(string message) : ArgumentException(message);

/// <summary>Content larger than <see cref="LineOptions.MaxContentBytes"/>; thrown before or while reading it.</summary>
public sealed class LineContentTooLargeException(string messageId, long limit)
    : Exception($"Content of LINE message {messageId} exceeds {limit} bytes.")
{
    public long Limit { get; } = limit;
}
