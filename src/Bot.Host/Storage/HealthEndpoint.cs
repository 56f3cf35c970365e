using StackExchange.Redis;

namespace Bot.Host.Storage;

public static class HealthEndpoint
{
    /// <summary>200 when the host and Redis answer, 503 otherwise (what a load balancer or compose healthcheck polls).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IConnectionMultiplexer redis, CancellationToken cancellationToken) =>
        {
            try
            {
                await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                return Results.Text("ok");
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return Results.Text("redis unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}
